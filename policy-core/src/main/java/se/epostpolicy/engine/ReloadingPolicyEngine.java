package se.epostpolicy.engine;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.epostpolicy.PolicyException;
import se.epostpolicy.RulePackException;
import se.epostpolicy.RulePackException.Problem;
import se.epostpolicy.mail.Email;
import se.epostpolicy.pack.PackRepository;

/**
 * A {@link PolicyEngine} on a folder of rules that picks up changes without a restart. New rules
 * are read and compiled aside and swapped in at once; if they do not compile, the rules already
 * running stay and the problems are reported. An evaluation keeps the engine it started with, so
 * one in flight during a swap finishes on the old rules.
 *
 * <p>{@link #reload()} reloads now; {@link #watch(Path, Function, Consumer)} also watches the folder
 * (file system events, and a look at the files every two seconds where events are not delivered)
 * and reloads after each change settles. Thread-safe. Close it to stop watching.
 *
 * <p>Whether the folder's rules may run code of their own is the build function's to say, as for
 * any engine ({@link PolicyEngine.Builder#allowRuleCode(boolean)}); by default an edit that adds
 * code is refused like a broken one, before any of it runs, and the rules already running stay.
 *
 * @since 0.1
 */
public final class ReloadingPolicyEngine implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ReloadingPolicyEngine.class);
  private static final long SETTLE_MILLIS = 300;
  private static final long POLL_SECONDS = 2;

  /**
   * What one reload did.
   *
   * @param swapped the new rules are running
   * @param pack the reference of the engine now running ({@code id@version})
   * @param problems why the new rules were refused; empty when swapped
   */
  public record ReloadResult(boolean swapped, String pack, List<Problem> problems) {
    public ReloadResult {
      problems = List.copyOf(problems);
    }
  }

  private final Path folder;
  private final Function<PackRepository, PolicyEngine> build;
  private final Consumer<ReloadResult> listener;
  private final AtomicReference<PolicyEngine> current = new AtomicReference<>();
  private final WatchService watcher;
  private final Thread watchThread;

  private ReloadingPolicyEngine(Path folder, Function<PackRepository, PolicyEngine> build, Consumer<ReloadResult> listener,
                                boolean watch) {
    this.folder = Objects.requireNonNull(folder, "folder");
    this.build = Objects.requireNonNull(build, "build");
    this.listener = Objects.requireNonNull(listener, "listener");
    current.set(build.apply(PackRepository.directory(folder))); // the first build must succeed
    if (watch) {
      try {
        watcher = FileSystems.getDefault().newWatchService();
        registerAll(folder);
      } catch (IOException e) {
        throw new RulePackException(folder.toString(), List.of(new Problem(folder.toString(), 0, "cannot watch: " + e)));
      }
      watchThread = new Thread(this::watchLoop, "policy-rules-watcher");
      watchThread.setDaemon(true);
      watchThread.start();
    } else {
      watcher = null;
      watchThread = null;
    }
  }

  /**
   * An engine on {@code folder} that reloads only when {@link #reload()} is called.
   *
   * @param build how to build the engine from the folder's packs, for example
   *     {@code repo -> PolicyEngine.builder().repository(repo).pack("region-halland").build()}
   * @throws RulePackException when the rules do not compile the first time
   */
  public static ReloadingPolicyEngine on(Path folder, Function<PackRepository, PolicyEngine> build) {
    return new ReloadingPolicyEngine(folder, build, r -> { }, false);
  }

  /**
   * An engine on {@code folder} that also reloads by itself after files change.
   *
   * @param listener told of every reload the watcher makes, swapped or refused
   */
  public static ReloadingPolicyEngine watch(Path folder, Function<PackRepository, PolicyEngine> build,
                                            Consumer<ReloadResult> listener) {
    return new ReloadingPolicyEngine(folder, build, listener, true);
  }

  /** The engine running now. An evaluation made on it stays on it, whatever reloads meanwhile. */
  public PolicyEngine current() {
    return current.get();
  }

  /** Evaluates on the engine running now. */
  public Decision evaluate(Email email, EvaluationContext context) {
    return current().evaluate(email, context);
  }

  /** Reads and compiles the folder now; swaps only when that succeeds. */
  public synchronized ReloadResult reload() {
    try {
      PolicyEngine next = build.apply(PackRepository.directory(folder));
      current.set(next);
      return new ReloadResult(true, next.manifest().ref(), List.of());
    } catch (RulePackException e) {
      return new ReloadResult(false, current().manifest().ref(), e.problems());
    } catch (PolicyException e) {
      return new ReloadResult(false, current().manifest().ref(), List.of(new Problem(folder.toString(), 0, e.getMessage())));
    }
  }

  private void registerAll(Path root) throws IOException {
    try (Stream<Path> dirs = Files.walk(root)) {
      for (Path d : dirs.filter(Files::isDirectory).toList()) {
        d.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
            StandardWatchEventKinds.ENTRY_DELETE);
      }
    }
  }

  /** Paths, sizes and modification times of every file: a change the watch service missed still shows. */
  private String fingerprint() throws IOException {
    StringBuilder sb = new StringBuilder();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        sb.append(f).append('\u0000').append(Files.size(f)).append('\u0000').append(Files.getLastModifiedTime(f).toMillis()).append('\n');
      }
    }
    return sb.toString();
  }

  private void watchLoop() {
    try {
      String seen = fingerprint();
      while (true) {
        // File system events where the platform delivers them; a periodic look at the files where it
        // does not (network and some container file systems).
        WatchKey key = watcher.poll(POLL_SECONDS, TimeUnit.SECONDS);
        if (key == null) {
          String now = fingerprint();
          if (now.equals(seen)) continue;
        } else {
          // Let an editor or a copy finish writing before reading the folder.
          do {
            key.pollEvents();
            key.reset();
            key = watcher.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS);
          } while (key != null);
        }
        seen = fingerprint();
        registerAll(folder); // new version folders
        ReloadResult result = reload();
        if (!result.swapped()) LOG.warn("rules in {} not reloaded: {} problem(s); {} keeps running", folder,
            result.problems().size(), result.pack());
        listener.accept(result);
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      LOG.error("watching {} stopped: {}", folder, e.getClass().getSimpleName());
    }
  }

  /** Stops watching; the engine running now stays usable. */
  @Override
  public void close() {
    if (watcher != null) {
      try {
        watcher.close();
      } catch (IOException e) {
        // closing a watch service does not fail in a way worth reporting
      }
      watchThread.interrupt();
    }
  }
}
