package se.epostpolicy.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.epostpolicy.RulePackException.Problem;
import se.epostpolicy.TestOrg;
import se.epostpolicy.pack.PackRepository;

/** What the linter finds that the compiler does not, each with its file and line. */
class PackLinterTest {

  @TempDir
  Path dir;

  /** A rule file beside test-org's own, with the imports and global every rule file here needs. */
  private void addRules(String file, String rules) throws Exception {
    Files.writeString(dir.resolve("test-org/1/" + file), """
        package test.extra;
        import se.epostpolicy.facts.Message;
        import se.epostpolicy.engine.Notice;
        import se.epostpolicy.engine.RuleOutcomes;
        global RuleOutcomes decide;

        """ + rules);
  }

  private List<String> lint() {
    return PackLinter.lint(PackRepository.directory(dir), List.of()).stream().map(Problem::toString).toList();
  }

  @Test
  void aSoundPackHasNoProblems() throws Exception {
    TestOrg.copyTo(dir);
    assertThat(lint()).isEmpty();
  }

  @Test
  void ruleFilesOutsideEveryPackVersionAreReported() throws Exception {
    TestOrg.copyTo(dir);
    Files.writeString(dir.resolve("loose.drl"), "package x;\n");
    Files.createDirectories(dir.resolve("other-org/2"));
    Files.writeString(dir.resolve("other-org/2/rules.drl"), "package y;\n"); // a version folder without pack.yaml
    assertThat(lint()).containsExactly(
        "loose.drl: not part of any pack: a pack version is a folder <id>/<version>/ with a pack.yaml beside its rule files",
        "other-org/2/rules.drl: not part of any pack: a pack version is a folder <id>/<version>/ with a pack.yaml beside its rule files");
  }

  @Test
  void aFolderOfRulesWithoutAnyManifestIsNotSilentlyEmpty() throws Exception {
    Files.writeString(dir.resolve("rules.drl"), "package x;\n");
    assertThat(PackRepository.directory(dir).manifests()).isEmpty();
    assertThat(lint()).singleElement().asString().startsWith("rules.drl: not part of any pack");
  }

  @Test
  void aCitationOfADocumentNoManifestNamesIsReportedAtItsRule() throws Exception {
    TestOrg.copyTo(dir);
    Path rules = dir.resolve("test-org/1/rules.drl");
    Files.writeString(rules, Files.readString(rules).replaceFirst("@source\\(\"test.txt\"\\)", "@source(\"annan.txt\")"));
    assertThat(lint()).singleElement().asString()
        .startsWith("test-org/1/rules.drl:11: rule T-REGISTER cites annan.txt, which no manifest of test-org@1 names");
  }

  @Test
  void citationsAreCheckedAgainstTheSourceFolderWhenGiven() throws Exception {
    TestOrg.copyTo(dir);
    Path sources = Files.createDirectories(dir.resolve("källor"));
    assertThat(PackLinter.lint(PackRepository.directory(dir), List.of(sources))).extracting(Problem::message)
        .anySatisfy(m -> assertThat(m).contains("cites test.txt, which is not in"));
    Files.writeString(sources.resolve("test.txt"), "Policy");
    assertThat(PackLinter.lint(PackRepository.directory(dir), List.of(sources))).isEmpty();
  }

  @Test
  void oneIdInTwoFilesIsReported() throws Exception {
    TestOrg.copyTo(dir);
    addRules("more.drl", """
        rule "T-REGISTER again"
          @id("T-REGISTER") @source("test.txt") @heading("1") @reason("Igen.")
        when
          Message( outbound )
        then
          decide.to(drools, Notice.STYLE);
        end
        """);
    assertThat(lint()).anySatisfy(p -> assertThat(p).contains("rule id T-REGISTER is also used in"));
  }

  @Test
  void ruleCodeIsReportedAndNothingOfThatVersionCompiled() throws Exception {
    TestOrg.copyTo(dir);
    Path marker = dir.resolve("compiled.txt");
    Files.writeString(dir.resolve("test-org/1/meta.drl"), """
        package test.meta;
        import se.epostpolicy.facts.Message;

        rule "T-META writes while compiling"
          @id(java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "compiled")) @source("test.txt") @heading("7") @reason("Kod.")
        when
          Message( outbound )
        then
        end
        """.formatted(marker));
    assertThat(PackLinter.lint(PackRepository.directory(dir), List.of())).extracting(p -> p.file() + ":" + p.line())
        .containsExactly("test-org/1/meta.drl:5", "test-org@1:0");
    assertThat(marker).doesNotExist();
  }

  @Test
  void ruleCodeIsAllowedWhenTheEmbeddingSystemSaysSo() throws Exception {
    TestOrg.copyTo(dir);
    addRules("code.drl", """
        rule "T-CODE prints"
          @id("T-CODE") @source("test.txt") @heading("6") @reason("Kod.")
        when
          Message( outbound )
        then
          System.out.println("ran");
        end
        """);
    assertThat(PackLinter.lint(PackRepository.directory(dir), List.of())).extracting(p -> p.file() + ":" + p.line())
        .containsExactly("test-org/1/code.drl:12", "test-org@1:0");
    assertThat(PackLinter.lint(PackRepository.directory(dir), List.of(), true)).isEmpty();
  }
}
