package se.epostpolicy.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.epostpolicy.facts.ReadStatus;

/**
 * Forked parsing (Tika pipes) answers as parsing in process does, and bounds what in process
 * cannot: the time of one parse and the memory it may take.
 */
class ForkedDocumentParsingTest {

  private static final String TEXT = "Patienten har diagnosen astma";
  private static AttachmentExtractor.DocumentParser forked;

  @BeforeAll
  static void start() {
    forked = AttachmentExtractor.parser(DocumentParsing.forked(Duration.ofSeconds(60)).withProcesses(1).withHeapMegabytes(256));
  }

  @AfterAll
  static void stop() {
    forked.close();
  }

  @Test
  void forkedParsingReadsWhatInProcessParsingReads() throws Exception {
    Map<String, byte[]> documents = new LinkedHashMap<>();
    documents.put("remiss.pdf", AttachmentExtractionTest.pdf(TEXT, null));
    StandardProtectionPolicy locked = new StandardProtectionPolicy("owner", "user", new AccessPermission());
    documents.put("last.pdf", AttachmentExtractionTest.pdf(TEXT, locked));
    documents.put("brev.docx", AttachmentExtractionTest.docx(TEXT));
    documents.put("last.docx", AttachmentExtractionTest.encryptOoxml(AttachmentExtractionTest.docx(TEXT)));
    documents.put("journal.zip", Files.readAllBytes(Path.of("src/test/resources/attachments/plain.zip")));
    documents.put("last.zip", Files.readAllBytes(Path.of("src/test/resources/attachments/encrypted.zip")));
    byte[] docx = AttachmentExtractionTest.docx(TEXT);
    documents.put("trasig.docx", Arrays.copyOf(docx, docx.length / 2));
    documents.put("bomb.zip", zipBomb());
    documents.put("djup.zip", nestedZip(AttachmentExtractor.MAX_EMBEDDED_DEPTH + 1));
    documents.put("grund.zip", nestedZip(2));
    documents.put("lang.docx", AttachmentExtractionTest.docx(TEXT + " " + "ord ".repeat(5_000)));

    for (Map.Entry<String, byte[]> d : documents.entrySet()) {
      AttachmentExtractor.Result here = AttachmentExtractor.extract(d.getValue(), d.getKey(), 2_000, AttachmentExtractor.IN_PROCESS);
      AttachmentExtractor.Result there = AttachmentExtractor.extract(d.getValue(), d.getKey(), 2_000, forked);
      assertThat(there.read()).as(d.getKey() + " read").isEqualTo(here.read());
      assertThat(there.encrypted()).as(d.getKey() + " encrypted").isEqualTo(here.encrypted());
      // Past a bound the two stop at different points; what is listed is only compared when read in full.
      if (here.read() == ReadStatus.READ) assertThat(there.entries()).as(d.getKey() + " entries").isEqualTo(here.entries());
      assertThat(there.text().contains("astma")).as(d.getKey() + " text").isEqualTo(here.text().contains("astma"));
    }
    // The table above must hold each kind of answer, or equal answers prove little.
    assertThat(AttachmentExtractor.extract(documents.get("remiss.pdf"), "remiss.pdf", 2_000, forked).text()).contains(TEXT);
    assertThat(AttachmentExtractor.extract(documents.get("last.docx"), "last.docx", 2_000, forked).encrypted()).isTrue();
    assertThat(AttachmentExtractor.extract(documents.get("trasig.docx"), "trasig.docx", 2_000, forked).read()).isEqualTo(ReadStatus.DAMAGED);
    assertThat(AttachmentExtractor.extract(documents.get("bomb.zip"), "bomb.zip", 2_000, forked).read().unread()).isTrue();
    assertThat(AttachmentExtractor.extract(documents.get("djup.zip"), "djup.zip", 2_000, forked).read().unread()).isTrue();
    assertThat(AttachmentExtractor.extract(documents.get("grund.zip"), "grund.zip", 2_000, forked).text()).contains(TEXT);
    assertThat(AttachmentExtractor.extract(documents.get("lang.docx"), "lang.docx", 2_000, forked).read()).isEqualTo(ReadStatus.CUT);
  }

  @Test
  void aParsePastTheTimeoutIsStoppedAndTheNextDocumentIsRead() throws Exception {
    // 4,000 pages take seconds to parse anywhere (a cold JVM more); the bound is far below that
    // and far above what a small RTF takes in the fresh process that follows.
    byte[] slow = manyPagePdf(4_000);
    Duration bound = Duration.ofMillis(1_500);
    try (AttachmentExtractor.DocumentParser quick = AttachmentExtractor.parser(DocumentParsing.forked(bound).withProcesses(1))) {
      AttachmentExtractor.Result stopped = AttachmentExtractor.extract(slow, "stor.pdf", 10_000_000, quick);
      assertThat(stopped.read()).isEqualTo(ReadStatus.NOT_OPENED);
      assertThat(stopped.problem()).contains("not parsed within");
      assertThat(stopped.text()).isEmpty();

      byte[] small = ("{\\rtf1\\ansi " + TEXT + "\\par}").getBytes(StandardCharsets.US_ASCII);
      AttachmentExtractor.Result next = AttachmentExtractor.extract(small, "b.rtf", 2_000, quick);
      assertThat(next.read()).as(next.problem()).isEqualTo(ReadStatus.READ);
      assertThat(next.text()).contains(TEXT);
    }
  }

  @Test
  void aParseThatExhaustsItsHeapIsNotOpenedAndThisJvmGoesOn() throws Exception {
    byte[] big = bigDocx(400_000);
    try (AttachmentExtractor.DocumentParser small = AttachmentExtractor.parser(
        DocumentParsing.forked(Duration.ofSeconds(120)).withProcesses(1).withHeapMegabytes(48))) {
      AttachmentExtractor.Result r = AttachmentExtractor.extract(big, "stor.docx", 100_000, small);
      assertThat(r.read()).isEqualTo(ReadStatus.NOT_OPENED);
      assertThat(r.problem()).contains("heap");
      AttachmentExtractor.Result next = AttachmentExtractor.extract(AttachmentExtractionTest.docx(TEXT), "b.docx", 2_000, small);
      assertThat(next.text()).contains(TEXT);
    }
  }

  @Test
  void aReaderWithForkedParsingMarksTheStoppedAttachmentAsNotRead() throws Exception {
    byte[] slow = manyPagePdf(1_500);
    String mail = "From: a@regionvarmland.se\r\nTo: b@example.se\r\nSubject: Bilaga\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nSe bilagan.\r\n"
        + "--b\r\nContent-Type: application/pdf; name=stor.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + java.util.Base64.getMimeEncoder().encodeToString(slow) + "\r\n--b--\r\n";
    try (MailReader reader = new MailReader(ReaderLimits.DEFAULTS, DocumentParsing.forked(Duration.ofMillis(100)).withProcesses(1))) {
      Email e = reader.read(new java.io.ByteArrayInputStream(mail.getBytes(StandardCharsets.US_ASCII)), "stor.eml");
      assertThat(e.attachments().get(0).read()).isEqualTo(ReadStatus.NOT_OPENED);
      assertThat(e.unread()).singleElement().satisfies(l -> assertThat(l.status()).isEqualTo(ReadStatus.NOT_OPENED));
    }
  }

  static byte[] nestedZip(int depth) throws Exception {
    byte[] inner = TEXT.getBytes(StandardCharsets.UTF_8);
    String name = "anteckning.txt";
    for (int i = 0; i < depth; i++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ZipOutputStream zip = new ZipOutputStream(out)) {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(inner);
      }
      inner = out.toByteArray();
      name = "niva" + (depth - i) + ".zip";
    }
    return inner;
  }

  static byte[] zipBomb() throws Exception {
    ByteArrayOutputStream bomb = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
      zip.putNextEntry(new ZipEntry("a.txt"));
      byte[] line = "a".repeat(63).concat("\n").getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < 500_000; i++) zip.write(line);
    }
    return bomb.toByteArray();
  }

  static byte[] manyPagePdf(int pages) throws Exception {
    try (PDDocument doc = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (int p = 0; p < pages; p++) {
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          cs.beginText();
          cs.setFont(font, 10);
          cs.newLineAtOffset(40, 740);
          for (int l = 0; l < 40; l++) {
            cs.showText("Rad " + l + " sida " + p + " med text som ska tolkas av PDF-parsern");
            cs.newLineAtOffset(0, -14);
          }
          cs.endText();
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  static byte[] bigDocx(int paragraphs) throws Exception {
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (int i = 0; i < paragraphs; i++) doc.createParagraph().createRun().setText("Stycke " + i + " med lite text i.");
      doc.write(out);
      return out.toByteArray();
    }
  }
}
