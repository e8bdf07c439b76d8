import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * Starts a real Neo4j Community engine (embedded API) with Bolt on a loopback port and
 * password authentication on. Run in Java's single-file source mode by src/db/embedded-neo4j.ts:
 *
 *   java --add-opens=... -cp 'lib/*' Launcher.java <homeDir> <boltPort> <password> <pagecache>
 *
 * Prints "NEO4J_READY bolt://127.0.0.1:<port>" on stdout once the store accepts queries, and
 * shuts the engine down cleanly on SIGTERM/SIGINT (JVM shutdown hook) or when stdin closes,
 * so a dying parent never leaves a Java process behind.
 */
public class Launcher {
  public static void main(String[] args) throws Exception {
    Path home = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    String password = args[2];
    long pageCacheMb = args.length > 3 ? Long.parseLong(args[3]) : 512;
    Files.createDirectories(home);

    DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
        .setConfig(HttpConnector.enabled, false)
        .setConfig(GraphDatabaseSettings.auth_enabled, true)
        .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
        .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(60))
        .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(5))
        .setConfig(Map.of(GraphDatabaseSettings.preallocate_logical_logs, false))
        .build();

    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("NEO4J_STOPPING");
      dbms.shutdown();
      System.out.println("NEO4J_STOPPED");
    }));

    setPassword(dbms, password);
    GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    db.executeTransactionally("RETURN 1");
    System.out.println("NEO4J_READY bolt://127.0.0.1:" + port);
    System.out.flush();

    // The parent holds our stdin open; EOF means it died without signalling us.
    while (System.in.read() != -1) { /* ignore input */ }
    System.exit(0);
  }

  /** A new store has neo4j/neo4j with a forced change; a restarted one already has ours. */
  private static void setPassword(DatabaseManagementService dbms, String password) {
    GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
    try {
      system.executeTransactionally(
          "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
    } catch (RuntimeException e) {
      // "Old password and new password cannot be the same": the store was set up before.
      String message = String.valueOf(e.getMessage()) + String.valueOf(e.getCause());
      if (!message.contains("cannot be the same")) throw e;
    }
  }
}
