// Embedded Neo4j 5.26 Community server with a Bolt connector, for machines without Docker.
//
// Run in single-file source mode with the jars fetched by scripts/neo4j/pom.xml:
//   java -cp '<lib>/*' scripts/neo4j/Launcher.java <homeDir> [boltAddress] [pageCache]
//
//   homeDir      Neo4j home: databases go to <homeDir>/data, Neo4j's own logs to <homeDir>/logs.
//   boltAddress  host:port to listen on; default $NEO4J_BOLT_ADDRESS, else 127.0.0.1:7687.
//   pageCache    page cache size (e.g. 512m, 1g); default $NEO4J_PAGECACHE, else 512m.
//
// Prints exactly one line "NEO4J READY bolt://host:port" once the default database is available
// (start.sh waits for it), and shuts the DBMS down cleanly on SIGTERM / Ctrl-C.
// No auth (local dev/CI only: it binds to loopback by default).

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

public class Launcher {
    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: java -cp '<lib>/*' Launcher.java <homeDir> [host:port] [pageCache]");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath().normalize();
        String bolt = arg(args, 1, "NEO4J_BOLT_ADDRESS", "127.0.0.1:7687");
        String pageCache = arg(args, 2, "NEO4J_PAGECACHE", "512m");
        long startTimeoutMs = Long.parseLong(env("NEO4J_DB_TIMEOUT_MS", "120000"));

        int colon = bolt.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("bolt address must be host:port, got " + bolt);
        }
        String host = bolt.substring(0, colon);
        int port = Integer.parseInt(bolt.substring(colon + 1));
        SocketAddress listen = new SocketAddress(host, port);
        // Advertise what we listen on (the default is "localhost", which Node may resolve to ::1
        // first; a neo4j:// driver would then follow the routing table to a dead address).
        boolean wildcard = host.equals("0.0.0.0") || host.equals("::");
        SocketAddress advertised = new SocketAddress(wildcard ? "127.0.0.1" : host, port);

        Files.createDirectories(home);
        long t0 = System.nanoTime();
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, listen)
                .setConfig(BoltConnector.advertised_address, advertised)
                // Loopback-only dev/CI server: plain Bolt, no TLS, no auth.
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                // Explicit page cache: the default (50% of RAM minus heap) is far too greedy here.
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pageCache))
                // Dev/CI disk hygiene: don't fallocate 256 MB per transaction log up front
                // (an empty server would take ~0.5 GB), and cap the retained log history.
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "256M size")
                // No phoning home: the network here reaches package registries only.
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // Bolt waits 5 s + 5 s for idle connections/threads on shutdown by default; a
                // local dev/CI server should stop fast (stop.sh, test restarts).
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                // User-facing log lines (Bolt enabled, started, ...) go to stdout = the launcher log.
                .setUserLogProvider(new Log4jLogProvider(System.out, Level.INFO))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM/SIGINT run shutdown hooks: close the stores so the next start needs no recovery.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("NEO4J STOPPING");
            try {
                dbms.shutdown();
            } catch (Throwable t) {
                t.printStackTrace();
            }
            System.out.println("NEO4J STOPPED");
            System.out.flush();
            stopped.countDown();
        }, "neo4j-shutdown"));

        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(startTimeoutMs)) {
            System.err.println("NEO4J FAILED: default database not available after " + startTimeoutMs + " ms");
            System.exit(1); // runs the shutdown hook
        }
        // A trivial query proves Cypher is usable, not just that the store opened.
        db.executeTransactionally("RETURN 1");

        System.out.printf("neo4j %s: home %s, page cache %s, database up in %.1fs%n",
                org.neo4j.kernel.internal.Version.getNeo4jVersion(), home, pageCache,
                (System.nanoTime() - t0) / 1e9);
        // The one line start.sh greps for: keep its shape stable.
        System.out.printf("NEO4J READY bolt://%s:%d%n", advertised.getHostname(), advertised.getPort());
        System.out.flush();

        stopped.await(); // park the main thread; the shutdown hook releases it
    }

    private static String arg(String[] args, int i, String envName, String dflt) {
        if (args.length > i && !args[i].isBlank()) {
            return args[i];
        }
        return env(envName, dflt);
    }

    private static String env(String name, String dflt) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? dflt : v;
    }
}
