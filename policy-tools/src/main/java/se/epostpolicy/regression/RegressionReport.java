package se.epostpolicy.regression;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Every case's result and every rule's coverage from one run of regression suites.
 *
 * @param results one per case, in suite and file order
 * @param coverage one per rule of the packs the suites use, by file and line
 * @since 0.1
 */
public record RegressionReport(List<CaseResult> results, List<RuleCoverage> coverage) {

  public RegressionReport {
    results = List.copyOf(results);
    coverage = List.copyOf(coverage);
  }

  public int passed() {
    return (int) results.stream().filter(CaseResult::passed).count();
  }

  public int failed() {
    return results.size() - passed();
  }

  /** The share of rules that some case fires, in percent (100 when there are no rules). */
  public double coveragePercent() {
    if (coverage.isEmpty()) return 100.0;
    return 100.0 * coverage.stream().filter(RuleCoverage::covered).count() / coverage.size();
  }

  /** The rules no case fires. */
  public List<RuleCoverage> uncovered() {
    return coverage.stream().filter(c -> !c.covered()).toList();
  }

  /**
   * Writes the results as JUnit XML (one {@code testsuite} per suite file, one {@code testcase} per
   * case, a {@code failure} with expected versus actual), the format CI servers read.
   */
  public void writeJUnitXml(Path file) throws IOException {
    Map<RegressionSuite, List<CaseResult>> bySuite = new LinkedHashMap<>();
    for (CaseResult r : results) bySuite.computeIfAbsent(r.suite(), k -> new java.util.ArrayList<>()).add(r);
    if (file.getParent() != null) Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file)) {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuites");
      xml.writeAttribute("tests", String.valueOf(results.size()));
      xml.writeAttribute("failures", String.valueOf(failed()));
      for (Map.Entry<RegressionSuite, List<CaseResult>> e : bySuite.entrySet()) {
        List<CaseResult> cases = e.getValue();
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", e.getKey().file().toString());
        xml.writeAttribute("tests", String.valueOf(cases.size()));
        xml.writeAttribute("failures", String.valueOf(cases.stream().filter(c -> !c.passed()).count()));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("time", seconds(cases.stream().map(CaseResult::time).reduce(Duration.ZERO, Duration::plus)));
        for (CaseResult c : cases) {
          xml.writeCharacters("\n    ");
          xml.writeStartElement("testcase");
          xml.writeAttribute("classname", e.getKey().pack());
          xml.writeAttribute("name", c.regressionCase().name() + (c.regressionCase().about().isEmpty() ? "" : " › " + c.regressionCase().about()));
          xml.writeAttribute("time", seconds(c.time()));
          if (!c.passed()) {
            xml.writeStartElement("failure");
            xml.writeAttribute("message", c.failures().get(0));
            xml.writeCharacters(String.join("\n", c.failures()));
            xml.writeEndElement();
          }
          xml.writeEndElement();
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
      }
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write JUnit XML to " + file, e);
    }
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.3f", d.toNanos() / 1e9);
  }
}
