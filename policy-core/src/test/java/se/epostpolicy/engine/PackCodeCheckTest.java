package se.epostpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.epostpolicy.RulePackException.Problem;
import se.epostpolicy.pack.PackFile;
import se.epostpolicy.pack.PackManifest;
import se.epostpolicy.pack.PackRef;
import se.epostpolicy.pack.PackRepository;

/** What counts as code in a rule file, and where it is reported. */
class PackCodeCheckTest {

  static final String HEADER = """
      package t;
      import se.epostpolicy.facts.Message;
      import se.epostpolicy.facts.*;
      import se.epostpolicy.facts.MarkerType;
      import se.epostpolicy.engine.Verdict;
      import se.epostpolicy.engine.Notice;
      import se.epostpolicy.engine.RuleOutcomes;
      global RuleOutcomes decide;
      """; // 8 lines: a rule starting right after it is on line 9

  static final String META = "  @id(\"T-1\") @source(\"t.txt\") @heading(\"1\") @reason(\"r\")\n";

  private static List<Problem> check(String drl) {
    return PackCodeCheck.check(List.of(new PackFile("t/1/rules.drl", HEADER + drl)));
  }

  private static List<String> lines(List<Problem> problems) {
    return problems.stream().map(Problem::toString).toList();
  }

  @Test
  void theBundledPacksRunNoCode() {
    PackRepository bundled = PackRepository.directory(Path.of("../policy-rules/src/main/resources/packs"));
    int checked = 0;
    for (PackManifest m : bundled.manifests()) {
      if (m.abstractPack()) continue;
      List<PackFile> files = bundled.resolve(new PackRef(m.id(), Optional.of(m.version()))).ruleFiles();
      assertThat(PackCodeCheck.check(files)).as(m.ref()).isEmpty();
      checked++;
    }
    assertThat(checked).isEqualTo(5);
  }

  @Test
  void whatARuleMayHoldPasses() {
    assertThat(check("""
        rule "T-1 allowed"
          @id("T-1") @source("t.txt") @heading("1") @reason("Text, med (parentes) och System.exit(3) som text.")
          @tags("a", "b") @level(2)
          salience 10
          no-loop true
        when
          $m : Message( inbound || internal, (toCount + ccCount) > 3, markers contains MarkerType.PATIENT_DATA,
                        markers not contains se.epostpolicy.facts.MarkerType.PRIVATE, sender.domain in ("a.se", "b.se") )
          not Recipient( privateProvider, address.domain matches ".*\\\\.se" ) from $m.recipients
          Attachment( name matches ".*\\\\.exe", entries.size > 1 )
          stream : Attachment( executable )
          Attachment( name == stream.name )
          $n : Number( intValue > 1 ) from accumulate( Attachment( $s : size ), count($s) )
          eval( $m != null )
        then
          // a comment may say System.exit(3); it is no code
          decide.to(drools, Verdict.JOURNAL, Verdict.DELETE);
          decide.to(drools, Notice.USE_SECURE_CHANNEL);
        end

        rule "T-2 says nothing"
        """ + META + """
        when
          Message( outbound )
        then
        end
        """)).isEmpty();
  }

  @Test
  void aConsequenceThatExitsIsReportedAtItsLine() {
    List<Problem> p = check("""
        rule "T-1 exits"
        """ + META + """
        when
          Message( inbound )
        then
          decide.to(drools, Verdict.REGISTER);
          System.exit(3);
        end
        """);
    assertThat(lines(p)).containsExactly("t/1/rules.drl:15: rule \"T-1 exits\" runs code in its consequence: System.exit(3); "
        + "(a consequence may only record outcomes with decide.to(drools, Verdict.…, Notice.…))");
  }

  @Test
  void aConsequenceThatReadsAFileOrUsesReflectionIsReportedStatementByStatement() {
    List<Problem> p = check("""
        rule "T-1 reads"
        """ + META + """
        when
          Message( inbound )
        then
          String s = java.nio.file.Files.readString(java.nio.file.Path.of("/etc/passwd"));
          decide.to(drools, Verdict.REGISTER);
          Object r = Class.forName("java.lang.Runtime").getMethod("getRuntime").invoke(null);
          decide.to(drools, Verdict.valueOf("DELETE"));
        end
        """);
    assertThat(lines(p)).hasSize(3);
    assertThat(p.get(0).line()).isEqualTo(14);
    assertThat(p.get(0).message()).contains("String s = java.nio.file.Files.readString(");
    assertThat(p.get(1).line()).isEqualTo(16);
    assertThat(p.get(1).message()).contains("Class.forName(\"java.lang.Runtime\")");
    assertThat(p.get(2).line()).isEqualTo(17);
    assertThat(p.get(2).message()).contains("Verdict.valueOf");
  }

  @Test
  void aUnicodeEscapeThatEndsACommentIsCode() {
    List<Problem> p = check("rule \"T-1 hides\"\n" + META + """
        when
          Message( inbound )
        then
          decide.to(drools, Verdict.REGISTER); // \\u000a System.exit(3);
        end
        """);
    assertThat(lines(p)).singleElement().asString().startsWith("t/1/rules.drl:14:").contains("\\u escape");
  }

  @Test
  void aFunctionThatDoesIoIsReportedAtItsLine() {
    List<Problem> p = check("""
        function String secret() {
          return java.nio.file.Files.readString(java.nio.file.Path.of("/etc/passwd"));
        }
        """);
    assertThat(lines(p)).containsExactly("t/1/rules.drl:9: function secret is Java code (it calls java.nio.file.Files.readString(…)); "
        + "a pack may not declare functions");
  }

  @Test
  void codeInConditionsIsReported() {
    List<Problem> p = check("""
        rule "T-1 conditions"
        """ + META + """
        when
          Message( inbound )
          eval( java.lang.System.getenv("HOME") != null )
          exists( String() from java.nio.file.Files.readAllLines(java.nio.file.Path.of("/etc/passwd")) )
          Message( sender.class.name == "x" )
          Message( toCount > Runtime.getRuntime().availableProcessors() )
          Number() from accumulate( Message( $c : toCount ), init(int n = 0;), action(n += $c;), result(n) )
        then
        end
        """);
    assertThat(lines(p)).hasSize(5);
    assertThat(p).extracting(Problem::line).containsExactly(13, 14, 15, 16, 17);
    assertThat(p.get(0).message()).contains("calls java.lang.System.getenv(…)");
    assertThat(p.get(1).message()).contains("calls java.nio.file.Files.readAllLines(…)");
    assertThat(p.get(2).message()).contains("reaches .class, a method that is not a property of the fact model");
    assertThat(p.get(3).message()).contains("calls Runtime.getRuntime(…)");
    assertThat(p.get(4).message()).contains("accumulate with init/action/reverse/result code");
  }

  @Test
  void aMethodReachedAsAPropertyMustBeOneOfTheFactModel() {
    // mvel calls a method without arguments when a name after a dot matches it: markers.clear would clear.
    List<Problem> p = check("rule \"T-1 properties\"\n" + META + """
        when
          $m : Message( markers.clear == null )
          Message( hashCode != 0 )
          Message( sender.getClass != null )
          Message( sender!.getClass != null )
          Message( $m.sender.domain == sender.domain, recipients.size > 1, date != null, recipients[0].address.domain != null )
          Message( noSuchProperty == 1 )
        then
        end
        """);
    assertThat(lines(p)).hasSize(4);
    assertThat(p.get(0).message()).contains("reaches .clear, a method that is not a property of the fact model");
    assertThat(p.get(1).message()).contains("uses hashCode, which is a method, not a binding of the rule or a property of the fact model");
    assertThat(p.get(2).message()).contains("reaches .getClass");
    assertThat(p.get(3).message()).contains("sender!.getClass != null reaches .getClass");
  }

  @Test
  void namingAClassOutsideTheFactModelIsReportedEvenWithoutACall() {
    List<Problem> p = check("rule \"T-1 names\"\n" + META + """
        when
          Message( toCount > Integer.MAX_VALUE )
        then
        end
        """);
    assertThat(lines(p)).singleElement().asString().contains("names Integer");
    p = check("rule \"T-1 names\"\n" + META + """
        when
          Message( sender.domain == java.io.File.separator )
        then
        end
        """);
    assertThat(lines(p)).singleElement().asString().contains("names the class java.io.File");
  }

  @Test
  void metadataAndAttributesThatAreExpressionsAreReported() {
    List<Problem> p = check("""
        rule "T-1 metadata"
          @id(java.lang.System.getProperty("user.home")) @source("t.txt") @heading("1") @reason("r")
          salience (java.lang.Integer.parseInt("3"))
        when
          Message( inbound )
        then
        end
        """);
    assertThat(lines(p)).containsExactly(
        "t/1/rules.drl:10: rule \"T-1 metadata\": @id(java.lang.System.getProperty(\"user.home\")) is not a quoted value; "
            + "Drools runs an unquoted metadata value as code when it compiles the rule",
        "t/1/rules.drl:11: rule \"T-1 metadata\": salience (java.lang.Integer.parseInt(\"3\")) is an expression, "
            + "which runs as code; an attribute takes a plain value");
  }

  @Test
  void importsFunctionImportsAndDeclarationsOutsideTheRuleLanguageAreReported() {
    List<Problem> p = PackCodeCheck.check(List.of(new PackFile("t/1/rules.drl", """
        package t;
        import java.io.File;
        import function java.lang.System.exit;
        import se.epostpolicy.facts.*;
        declare Secret
          value : String = System.getenv("HOME")
        end
        """)));
    assertThat(lines(p)).containsExactly(
        "t/1/rules.drl:2: imports java.io.File; a pack may import only the fact model (se.epostpolicy.facts) "
            + "and the engine's outcome and context types",
        "t/1/rules.drl:3: imports the Java function java.lang.System.exit; a pack may not call Java",
        "t/1/rules.drl:5: declares the type Secret; a pack may not declare types (their fields' initial values and annotations are code)");
  }

  static final String DSL = """
      [keyword][]regel=rule
      [keyword][]när=when
      [keyword][]då=then
      [keyword][]slut=end
      [condition][]meddelandet=Message( )
      [condition][]- är inkommande=inbound
      [condition][]- är internt=internal
      [consequence][]ska det diarieföras=decide.to(drools, Verdict.REGISTER);
      """;

  @Test
  void codePassedThroughASwedishRuleIsReportedAtTheLineItWasWritten() {
    String dslr = HEADER + """
        regel "T-1 svenska"
        """ + META + """
        när
          meddelandet
          - är inkommande
          - är internt
          > eval( java.lang.System.nanoTime() > 0 )
        då
          ska det diarieföras
          > java.lang.System.exit(3);
        slut
        """;
    List<Problem> p = PackCodeCheck.check(List.of(new PackFile("t/1/sv.dsl", DSL), new PackFile("t/1/regler.dslr", dslr)));
    assertThat(p).extracting(Problem::file).containsOnly("t/1/regler.dslr");
    assertThat(p).extracting(Problem::line).containsExactly(15, 18);
    assertThat(p.get(0).message()).contains("calls java.lang.System.nanoTime(…)");
    assertThat(p.get(1).message()).contains("java.lang.System.exit(3);");

    String clean = dslr.replace("  > eval( java.lang.System.nanoTime() > 0 )\n", "").replace("  > java.lang.System.exit(3);\n", "");
    assertThat(PackCodeCheck.check(List.of(new PackFile("t/1/sv.dsl", DSL), new PackFile("t/1/regler.dslr", clean)))).isEmpty();
  }

  @Test
  void aFileThatDoesNotParseIsLeftToTheCompiler() {
    assertThat(check("rule \"T-1\"\n" + META + "when\n  Message( inbound,, )\nthen\n  System.exit(3);\nend\n")).isEmpty();
  }
}
