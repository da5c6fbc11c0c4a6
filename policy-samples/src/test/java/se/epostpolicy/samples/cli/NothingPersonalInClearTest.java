package se.epostpolicy.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.epostpolicy.samples.EmbeddingExample;

/**
 * Every command and the library embedded, run over mails full of identity numbers, diagnoses and
 * names (subject, body, attachment names and texts, display names, an attached message), in a JVM
 * of their own with every logger at TRACE: nothing of it may reach stdout, stderr, the log or the
 * JUnit report in clear.
 */
class NothingPersonalInClearTest {

  private static final Path PRIVACY = Path.of("src/test/resources/privacy");
  private static final List<String> PACKS = List.of("region-halland", "huddinge-kommun");

  /** Every identity number in the mails: date part, serial, century. All pass the Luhn check. */
  private static final List<String[]> IDENTITY_NUMBERS = List.of(
      new String[] {"811218", "9876", "19"}, new String[] {"850709", "2388", "19"}, new String[] {"640823", "3234", "19"},
      new String[] {"701063", "2391", "19"}, new String[] {"121212", "1212", "19"}, new String[] {"550515", "4442", "19"},
      new String[] {"760301", "5673", "19"}, new String[] {"760101", "5675", "19"});

  /** The persons' surnames (their first names come with them everywhere). */
  private static final List<String> NAMES = List.of("Eriksson", "Svensson", "Lundqvist", "Nyberg", "Lindgren");
  private static final Set<String> FIRST_NAMES = Set.of("per", "anna", "karin", "eva", "bo");

  /** Subjects and sentences of bodies and attachments, as written in the mails. */
  private static final List<String> SENTENCES = List.of(
      "Provsvar Per Eriksson 811218-9876 diabetes",
      "Detta 811218-9876 har cancer, Per Eriksson, omfattas av sekretess.",
      "Jag begär att få ut Anna Svenssons 198507092388 mejlloggar snarast.",
      "Min samordningsnummer är 701063-2391 och min mamma Karin Lundqvist 121212+1212 har diabetes.",
      "Patienten Per Eriksson har blodtrycket idag uppmätt 160/95 mmHg och HbA1c 64.",
      "Anna Svensson 850709 2388 har fått diagnosen bröstcancer och tar Waran 5 mg dagligen.",
      "Remissvar för Per Eriksson, 811218-9876.",
      "Patienten har diabetes typ 2 (E11.9) och cancer.",
      "Karin Lundqvist 19550515-4442 har depression F32.1 sedan mars.",
      "VB: Journalkopia Eva Nyberg 19550515–4442",
      "Här är journalkopian du bad om. Eva Nyberg 19550515-4442 behandlas för hjärtsvikt och tar Waran 5 mg.",
      "Bo Lindgren 760301-5673 har fått remiss till psykiatrin för sin schizofreni.",
      "Journalanteckning för Eva Nyberg, 550515-4442: hjärtsvikt, ordinerad Waran 5 mg.",
      "Min diagnos, Bo Lindgren 19760301-5673",
      "Jag Bo Lindgren 760301-5673 har fått diagnosen schizofreni F20.0 och vill ha min journal.",
      "Utskrivningsmeddelande: Bo Lindgren 7601015675 vårdas för schizofreni.");

  /** How many words of a sentence in a row are text in clear: the longest vocabulary term found in these mails has four. */
  private static final int SHINGLE = 5;

  private static String stdout;
  private static String stderr;
  private static String log;
  private static String junitXml;

  /** What the forked JVM runs: every command over the mails, then the embedding example. */
  public static final class Driver {
    public static void main(String[] args) {
      String mails = args[0];
      for (String pack : PACKS) {
        PolicyCheck.run("classify", "--policy", pack, "--format", "text", mails);
        PolicyCheck.run("classify", "--policy", pack, "--format", "json", mails);
        PolicyCheck.run("explain", "--policy", pack, mails);
      }
      PolicyCheck.run("test", "--junit", args[1], PRIVACY.toString());
      PolicyCheck.run("lint");
      EmbeddingExample.main(new String[] {mails});
    }
  }

  @BeforeAll
  static void runEverythingWithEveryLoggerAtTrace(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    Path logFile = dir.resolve("slf4j.log");
    Path junit = dir.resolve("junit.xml");
    Path jul = dir.resolve("logging.properties");
    Files.writeString(jul, "handlers=java.util.logging.ConsoleHandler\n.level=ALL\njava.util.logging.ConsoleHandler.level=ALL\n");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=trace",
        "-Dorg.slf4j.simpleLogger.logFile=" + logFile,
        "-Djava.util.logging.config.file=" + jul));
    // The application's simplelogger.properties quiets these; the test hears everything.
    for (String quiet : List.of("org.apache.pdfbox", "org.apache.fontbox", "org.apache.poi")) {
      command.add("-Dorg.slf4j.simpleLogger.log." + quiet + "=trace");
    }
    command.addAll(List.of(Driver.class.getName(), PRIVACY.resolve("mails").toString(), junit.toString()));
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("the commands finish").isTrue();
    stdout = Files.readString(out, StandardCharsets.UTF_8);
    stderr = Files.readString(err, StandardCharsets.UTF_8);
    log = Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.UTF_8) : "";
    junitXml = Files.exists(junit) ? Files.readString(junit, StandardCharsets.UTF_8) : "";
    assertThat(p.exitValue()).as(stderr).isZero();
  }

  @Test
  void everyCommandRanAndLoggedAndShowsWhatItFoundMasked() {
    assertThat(stdout)
        .contains("2 message(s) evaluated", "\"markers\":[", "Markers (evidence masked)", "2 case(s): 0 passed, 2 failed",
            "pack version(s) checked", "outbound-record-copy.eml: [JOURNAL, DELETE]")
        .contains("19811218-****", "19701063-****", "Remiss **** 19811218-**** diabetes.txt", "Journal **** 550515-****.txt",
            "Detta … omfattas av sekretess", "****@gmail.com", "811218-**** and 19850709-****");
    assertThat(log).as("the log at TRACE").contains("TRACE", "DEBUG");
    assertThat(junitXml).contains("550515-****");
  }

  @Test
  void noIdentityNumberInClearInOutputLogOrReport() {
    for (String[] n : IDENTITY_NUMBERS) {
      Pattern clear = Pattern.compile("(?:" + n[2] + ")?" + n[0] + "\\D{0,3}" + n[1]);
      everywhere().forEach((where, text) -> {
        Matcher m = clear.matcher(text);
        boolean found = m.find();
        assertThat(found).as("%s holds %s in clear: …%s…", where, n[0], found ? context(text, m) : "").isFalse();
      });
    }
  }

  @Test
  void noNameInClearInOutputLogOrReport() {
    for (String name : NAMES) {
      Pattern clear = Pattern.compile("(?iu)(?<!\\p{L})" + name);
      everywhere().forEach((where, text) -> {
        Matcher m = clear.matcher(text);
        boolean found = m.find();
        assertThat(found).as("%s names %s: …%s…", where, name, found ? context(text, m) : "").isFalse();
      });
    }
  }

  @Test
  void noSentenceOfAMailInClearInOutputLogOrReport() {
    everywhere().forEach((where, text) -> {
      Set<String> shingles = shingles(text);
      for (String sentence : SENTENCES) {
        for (String s : shingles(sentence)) {
          assertThat(shingles).as("%s holds \"%s\" of \"%s\"", where, s, sentence).doesNotContain(s);
        }
      }
    });
  }

  private static Map<String, String> everywhere() {
    return Map.of("stdout", stdout, "stderr", stderr, "the log", log, "the JUnit report", junitXml);
  }

  private static String context(String text, Matcher m) {
    return text.substring(Math.max(0, m.start() - 40), Math.min(text.length(), m.end() + 40));
  }

  /**
   * Every run of {@link #SHINGLE} words, lower-case, without punctuation, numbers and the persons'
   * names: what is left of a sentence once its numbers and names are masked must not show either.
   */
  private static Set<String> shingles(String text) {
    List<String> words = new ArrayList<>();
    Matcher w = Pattern.compile("[\\p{L}\\p{N}]+").matcher(text.toLowerCase(Locale.ROOT));
    while (w.find()) {
      String word = w.group();
      boolean name = FIRST_NAMES.contains(word) || NAMES.stream().anyMatch(n -> word.startsWith(n.toLowerCase(Locale.ROOT)));
      if (!name && !word.chars().allMatch(Character::isDigit)) words.add(word);
    }
    Set<String> out = new HashSet<>();
    for (int i = 0; i + SHINGLE <= words.size(); i++) out.add(String.join(" ", words.subList(i, i + SHINGLE)));
    return out;
  }
}
