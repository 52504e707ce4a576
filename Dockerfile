# syntax=docker/dockerfile:1
#
# Confirma's image, built from source in two stages: a JDK builds the server with the Maven
# wrapper, a JRE runs it as an unprivileged user. PostgreSQL by default (Quarkus fixes the
# database kind at build time); --build-arg DATABASE=h2 builds the embedded-H2 flavour instead.
#
#   docker build -t confirma .
#   docker compose up -d            # with PostgreSQL: compose.yaml, docs/deployment.md
#
# Base images are pinned to a Temurin release; move both stages to the next one together.

ARG DATABASE=postgres

FROM eclipse-temurin:17.0.20.1_1-jdk-noble AS build
ARG DATABASE
WORKDIR /build
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY src/main/ src/main/
# ~/.m2 is a BuildKit cache: Maven itself and the dependencies are downloaded once per builder,
# not once per build. -DskipTests also skips fetching the tests' EVM node.
RUN --mount=type=cache,target=/root/.m2 \
    case "$DATABASE" in \
      postgres) ./mvnw -B -Ppostgres -DskipTests package ;; \
      h2) ./mvnw -B -DskipTests package ;; \
      *) echo "DATABASE must be postgres or h2, not '$DATABASE'" >&2; exit 1 ;; \
    esac

FROM eclipse-temurin:17.0.20.1_1-jre-noble
ARG DATABASE
LABEL org.opencontainers.image.title="Confirma" \
      org.opencontainers.image.description="Self-hosted crypto checkout server" \
      dev.confirma.database="${DATABASE}"

# A fixed uid and gid (not the base image's uid 1000 "ubuntu"), so volume ownership is stable
# across rebuilds and Kubernetes' runAsNonRoot can check it.
RUN groupadd --gid 10001 confirma \
    && useradd --uid 10001 --gid 10001 --home-dir /var/lib/confirma --no-create-home \
       --shell /usr/sbin/nologin confirma \
    && install -d -o confirma -g confirma -m 0750 \
       /var/lib/confirma /var/lib/confirma/data /var/lib/confirma/config

# The application is root's and read-only to the server; only its working directory is its own.
COPY --from=build /build/target/quarkus-app/ /opt/confirma/

# The working directory holds what the server writes or reads relative to it: data/ (the H2
# flavour's database) and config/application.properties (an operator's file, if mounted).
WORKDIR /var/lib/confirma
USER 10001:10001

# Quarkus listens on all interfaces in a container. The JVM sizes its heap from the container's
# memory limit and exits on OutOfMemoryError so the restart policy brings up a clean one.
# JDK_JAVA_OPTIONS is read by the java launcher alone: replace it at run time to change them.
ENV QUARKUS_HTTP_HOST=0.0.0.0 \
    JDK_JAVA_OPTIONS="-XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError"

EXPOSE 8080

# Ready means the server reaches its database, reads each chain up to its node's head and holds
# fresh market rates (/health says which part is not). curl ships with the Temurin Ubuntu
# images; QUARKUS_HTTP_PORT, if changed, is followed.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=4 \
    CMD curl -fsS -o /dev/null "http://127.0.0.1:${QUARKUS_HTTP_PORT:-8080}/q/health/ready" || exit 1

ENTRYPOINT ["java", "-jar", "/opt/confirma/quarkus-run.jar"]
