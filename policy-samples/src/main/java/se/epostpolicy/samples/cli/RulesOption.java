package se.epostpolicy.samples.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import se.epostpolicy.pack.PackRepository;

/** {@code --rules DIR}: packs from a folder instead of the bundled ones; shared by every command. */
final class RulesOption {

  @Option(names = "--rules", paramLabel = "DIR", description = "Read packs from this folder instead of the bundled ones.")
  Path rules;

  PackRepository repository() {
    return rules != null ? PackRepository.directory(rules) : PackRepository.classpath();
  }
}
