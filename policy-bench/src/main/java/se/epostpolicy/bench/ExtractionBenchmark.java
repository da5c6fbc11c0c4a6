package se.epostpolicy.bench;

import jakarta.activation.DataHandler;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import se.epostpolicy.engine.PolicyEngine;
import se.epostpolicy.facts.MailFacts;
import se.epostpolicy.mail.DocumentParsing;
import se.epostpolicy.mail.MailReader;
import se.epostpolicy.mail.ReaderLimits;

/**
 * Reading and fact extraction of one message: a text-only mail (the sample epikris mail), a mail
 * carrying a one-page PDF and one carrying a PDF of about 1 MB of text, made with PDFBox at setup;
 * each with documents parsed in process and in forked JVMs ({@code -p parsing=inProcess,forked}),
 * so the cost of isolation is measured beside what it isolates.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ExtractionBenchmark {

  @Param({"inProcess", "forked"})
  public String parsing;

  private MailReader reader;
  private PolicyEngine engine;
  private byte[] textOnly;
  private byte[] withPdf;
  private byte[] withSmallPdf;
  /** Size of the PDF attachment, reported in the setup output. */
  int pdfBytes;

  @Setup
  public void setup() throws Exception {
    reader = parsing.equals("forked")
        ? new MailReader(ReaderLimits.DEFAULTS, DocumentParsing.forked(Duration.ofSeconds(60)).withProcesses(1))
        : new MailReader();
    engine = PolicyEngine.load("region-varmland");
    Path samples = Path.of(System.getProperty("samples", "policy-samples/samples"));
    textOnly = Files.readAllBytes(samples.resolve("02-utgaende-epikris-till-vardcentral.eml"));
    byte[] pdf = pdfOfAboutOneMegabyte();
    pdfBytes = pdf.length;
    System.out.println("PDF attachment: " + pdfBytes + " bytes");
    withPdf = mailWith(pdf);
    withSmallPdf = mailWith(onePagePdf());
  }

  @TearDown
  public void tearDown() {
    reader.close();
  }

  private static byte[] mailWith(byte[] pdf) throws Exception {
    MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
    m.setFrom("lena.berg@regionvarmland.se");
    m.setRecipients(jakarta.mail.Message.RecipientType.TO, "olof.strom@privatlakarna.se");
    m.setSubject("Utlåtande", "UTF-8");
    MimeMultipart mp = new MimeMultipart();
    MimeBodyPart body = new MimeBodyPart();
    body.setText("Se bifogat utlåtande.\n--\nwww.regionvarmland.se", "UTF-8");
    mp.addBodyPart(body);
    MimeBodyPart att = new MimeBodyPart();
    att.setDataHandler(new DataHandler(new ByteArrayDataSource(pdf, "application/pdf")));
    att.setFileName("utlatande.pdf");
    mp.addBodyPart(att);
    m.setContent(mp);
    m.saveChanges();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    m.writeTo(out);
    return out.toByteArray();
  }

  static byte[] onePagePdf() throws Exception {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        cs.beginText();
        cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
        cs.newLineAtOffset(40, 750);
        cs.showText("Utlåtande efter besök på mottagningen; provsvaren är inom normala gränser.");
        cs.endText();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  static byte[] pdfOfAboutOneMegabyte() throws Exception {
    String line = "Patienten har följts upp på mottagningen och provsvaren är inom normala gränser enligt läkaren.";
    try (PDDocument doc = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int pages = 0;
      while (true) {
        for (int p = 0; p < 20; p++, pages++) {
          PDPage page = new PDPage();
          doc.addPage(page);
          try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.OVERWRITE, false)) {
            cs.beginText();
            cs.setFont(font, 9);
            cs.newLineAtOffset(40, 750);
            for (int l = 0; l < 60; l++) {
              cs.showText(line + " " + pages + "." + l);
              cs.newLineAtOffset(0, -12);
            }
            cs.endText();
          }
        }
        out.reset();
        doc.save(out);
        if (out.size() >= 1_000_000) return out.toByteArray();
      }
    }
  }

  @Benchmark
  public MailFacts textOnlyMail() {
    return engine.facts(reader.read(new ByteArrayInputStream(textOnly), "bench"));
  }

  @Benchmark
  public MailFacts mailWithOnePagePdf() {
    return engine.facts(reader.read(new ByteArrayInputStream(withSmallPdf), "bench"));
  }

  @Benchmark
  public MailFacts mailWithOneMegabytePdf() {
    return engine.facts(reader.read(new ByteArrayInputStream(withPdf), "bench"));
  }
}
