package dev.confirma.common.text;

import dev.confirma.common.error.ApiException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a request whose decoded path or query holds text {@link RequestText} refuses, before
 * anything looks it up: PostgreSQL answers an error to a NUL in an order id, not "not found".
 */
public class UriText {

    @ServerRequestFilter(preMatching = true)
    public void check(ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        RequestText.problem(uri.getPath()).ifPresent(problem -> {
            throw ApiException.badRequest("invalid_path", "The request path " + problem);
        });
        for (Map.Entry<String, List<String>> parameter : uri.getQueryParameters().entrySet()) {
            String name = RequestText.printable(parameter.getKey());
            RequestText.problem(parameter.getKey()).ifPresent(problem -> {
                throw ApiException.invalidField(name, "The query parameter name " + name + " " + problem);
            });
            for (String value : parameter.getValue()) {
                RequestText.problem(value).ifPresent(problem -> {
                    throw ApiException.invalidField(name, name + " " + problem);
                });
            }
        }
    }
}
