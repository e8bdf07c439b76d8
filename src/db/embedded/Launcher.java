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
import org.neo4j.graphdb.event.DatabaseEventContext;
import org.neo4j.graphdb.event.DatabaseEventListenerAdapter;
import org.neo4j.graphdb.event.DatabaseEventListenerInternal;
import org.neo4j.io.ByteUnit;

/**
 * Starts a real Neo4j Community engine (embedded API) with Bolt on a loopback port and
 * password authentication on. Run in Java's single-file source mode by src/db/embedded-neo4j.ts:
 *
 *   NEO4J_LAUNCH_PASSWORD=... java --add-opens=... -cp 'lib/*' Launcher.java <homeDir> <boltPort> <pagecache>
 *
 * The password comes from the environment, never argv, so /proc/<pid>/cmdline does not show it.
 * Prints one line per event on stdout for the supervisor:
 *   NEO4J_READY bolt://127.0.0.1:<port>   the store accepts queries
 *   NEO4J_PANIC <db> <cause>              the database needs a restart (such as a full disk on commit)
 *   NEO4J_OUT_OF_DISK <db> <cause>        Neo4j turned the database read-only for lack of space
 *   NEO4J_FAILED <cause>                  start-up failed; the JVM exits with code 1
 * Shuts the engine down on SIGTERM/SIGINT (JVM shutdown hook) or when stdin closes, also
 * while still starting, so a dying parent never leaves a Java process behind.
 */
public class Launcher {
  /** How long a clean shutdown may take before the JVM halts regardless. */
  private static final long HALT_AFTER_MS = 15000;

  public static void main(String[] args) {
    watchParent();
    try {
      Path home = Path.of(args[0]).toAbsolutePath();
      int port = Integer.parseInt(args[1]);
      long pageCacheMb = args.length > 2 ? Long.parseLong(args[2]) : 512;
      String password = System.getenv("NEO4J_LAUNCH_PASSWORD");
      if (password == null || password.isEmpty()) throw new IllegalArgumentException("NEO4J_LAUNCH_PASSWORD is not set");
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
          .addDatabaseListener(new Events())
          .build();

      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        say("NEO4J_STOPPING");
        dbms.shutdown();
        say("NEO4J_STOPPED");
      }));

      setPassword(dbms, password);
      GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
      // A store that cannot start (full disk, corrupt files) stays unavailable: say so now, not after a long wait.
      if (!db.isAvailable(Duration.ofSeconds(20).toMillis())) throw new IllegalStateException("the database did not become available (see logs/debug.log in the store)");
      db.executeTransactionally("RETURN 1");
      say("NEO4J_READY bolt://127.0.0.1:" + port);
    } catch (Throwable e) {
      say("NEO4J_FAILED " + describe(e));
      exit(1);
    }
  }

  /** The parent holds our stdin open; EOF means it died without signalling us. Watched from the start. */
  private static void watchParent() {
    Thread watcher = new Thread(() -> {
      try {
        while (System.in.read() != -1) { /* ignore input */ }
      } catch (Exception ignored) {
        // A broken pipe means the same as EOF.
      }
      exit(0);
    }, "parent-watcher");
    watcher.setDaemon(false);
    watcher.start();
  }

  /** System.exit runs the shutdown hook; a hook stuck on a full or hung disk must not keep the JVM alive. */
  private static void exit(int code) {
    Thread halter = new Thread(() -> {
      try { Thread.sleep(HALT_AFTER_MS); } catch (InterruptedException ignored) { }
      Runtime.getRuntime().halt(code == 0 ? 3 : code);
    }, "halter");
    halter.setDaemon(true);
    halter.start();
    new Thread(() -> System.exit(code), "exit").start();
  }

  private static synchronized void say(String line) {
    System.out.println(line.replace('\n', ' '));
    System.out.flush();
  }

  /** The innermost cause's class and message, and the outermost message: enough to tell "No space left on device". */
  private static String describe(Throwable e) {
    Throwable root = e;
    StringBuilder all = new StringBuilder(String.valueOf(e.getMessage()));
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
      all.append(" | ").append(root.getClass().getSimpleName()).append(": ").append(root.getMessage());
    }
    return all.toString();
  }

  private static String causeOf(DatabaseEventContext event) {
    try {
      Object cause = event.getClass().getMethod("getCause").invoke(event);
      return cause instanceof Throwable t ? describe(t) : "unknown cause";
    } catch (ReflectiveOperationException e) {
      return "unknown cause";
    }
  }

  /** Reports panics and Neo4j's read-only failover on a full disk to the supervisor. */
  private static final class Events extends DatabaseEventListenerAdapter implements DatabaseEventListenerInternal {
    @Override
    public void databasePanic(DatabaseEventContext event) {
      say("NEO4J_PANIC " + event.getDatabaseName() + " " + causeOf(event));
    }

    @Override
    public void databaseOutOfDiskSpace(DatabaseEventContext event) {
      say("NEO4J_OUT_OF_DISK " + event.getDatabaseName() + " " + causeOf(event));
    }
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
