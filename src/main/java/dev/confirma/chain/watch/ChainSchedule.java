package dev.confirma.chain.watch;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * One job per watched chain, each every {@code confirma.chains.<name>.poll-interval}: a chain
 * added by configuration is read on its own schedule, and a slow chain never delays another.
 */
@Singleton
class ChainSchedule {

    private static final Logger LOG = Logger.getLogger(ChainSchedule.class);

    private final ChainWatcher watcher;
    private final Scheduler scheduler;

    ChainSchedule(ChainWatcher watcher, Scheduler scheduler) {
        this.watcher = watcher;
        this.scheduler = scheduler;
    }

    void start(@Observes StartupEvent started) {
        watcher.pollIntervals().forEach((protocol, interval) -> {
            scheduler.newJob("watch-" + protocol.configKey())
                    .setInterval(interval.toString())
                    .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                    .setTask(execution -> watcher.poll(protocol))
                    .schedule();
            LOG.infof("Watching %s every %s", protocol, interval);
        });
    }
}
