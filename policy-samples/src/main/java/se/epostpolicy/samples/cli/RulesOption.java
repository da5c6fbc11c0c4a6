package se.epostpolicy.samples.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import se.epostpolicy.pack.PackRepository;

/**
 * {@code --rules DIR}: packs from a folder instead of the bundled ones; {@code --allow-rule-code}:
 * whether their rules may run code of their own. Shared by every command.
 */
final class RulesOption {

  @Option(names = "--rules", paramLabel = "DIR", description = "Read packs from this folder instead of the bundled ones.")
  Path rules;

  @Option(names = "--allow-rule-code",
      description = "Let the packs' rules run Java code of their own (calls, functions, code in metadata): "
          + "without it such a pack is refused, and lint reports each place. Only for packs whose authors you trust "
          + "as you trust this program: the code runs with all of its rights.")
  boolean allowRuleCode;

  PackRepository repository() {
    return rules != null ? PackRepository.directory(rules) : PackRepository.classpath();
  }
}
