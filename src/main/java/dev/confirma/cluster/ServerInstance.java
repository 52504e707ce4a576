package dev.confirma.cluster;

import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * This server process among the instances sharing the database: its host, process id and a
 * random part, so a restarted process on the same host is a new holder of nothing.
 */
@Singleton
public class ServerInstance {

    private final String id;

    ServerInstance() {
        this.id = hostName() + ":" + ProcessHandle.current().pid() + ":" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String id() {
        return id;
    }

    private static String hostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name.length() > 64 ? name.substring(0, 64) : name;
        } catch (UnknownHostException e) {
            return "unknown-host"; // a name for people reading the lease table; the random part keeps it unique
        }
    }
}
