package se.epostpolicy.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.activation.DataHandler;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.hslf.usermodel.HSLFSlideShow;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

/** Attachments of every format the catalogue names: type, text and whether the content is encrypted. */
class AttachmentExtractionTest {

  private static final String TEXT = "Patienten har diagnosen astma";
  private final MailReader reader = new MailReader();

  private EmailAttachment only(String name, String declared, byte[] data) throws Exception {
    MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
    m.setFrom("a@regionvarmland.se");
    m.setSubject("Bilaga");
    MimeMultipart mp = new MimeMultipart();
    MimeBodyPart body = new MimeBodyPart();
    body.setText("Se bilagan.", "UTF-8");
    mp.addBodyPart(body);
    MimeBodyPart att = new MimeBodyPart();
    att.setDataHandler(new DataHandler(new ByteArrayDataSource(data, declared)));
    att.setFileName(name);
    mp.addBodyPart(att);
    m.setContent(mp);
    m.saveChanges();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    m.writeTo(out);
    Email e = reader.read(new ByteArrayInputStream(out.toByteArray()), "test.eml");
    assertThat(e.attachments()).hasSize(1);
    return e.attachments().get(0);
  }

  static byte[] pdf(String text, StandardProtectionPolicy protection) throws Exception {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        cs.beginText();
        cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        cs.newLineAtOffset(72, 720);
        cs.showText(text);
        cs.endText();
      }
      if (protection != null) doc.protect(protection);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  static byte[] docx(String text) throws Exception {
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.createParagraph().createRun().setText(text);
      doc.write(out);
      return out.toByteArray();
    }
  }

  static byte[] encryptOoxml(byte[] plain) throws Exception {
    try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Encryptor enc = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
      enc.confirmPassword("hemligt");
      try (OutputStream os = enc.getDataStream(fs)) {
        os.write(plain);
      }
      fs.writeFilesystem(out);
      return out.toByteArray();
    }
  }

  @Test
  void pdfTextIsReadAndOnlyAUserPasswordMakesItEncrypted() throws Exception {
    EmailAttachment plain = only("utlatande.pdf", "application/pdf", pdf(TEXT, null));
    assertThat(plain.detectedType()).isEqualTo("application/pdf");
    assertThat(plain.text()).contains(TEXT);
    assertThat(plain.encrypted()).isFalse();

    EmailAttachment ownerOnly = only("utlatande.pdf", "application/pdf",
        pdf(TEXT, new StandardProtectionPolicy("agare", "", new AccessPermission())));
    assertThat(ownerOnly.encrypted()).as("readable without a password").isFalse();
    assertThat(ownerOnly.text()).contains(TEXT);

    EmailAttachment locked = only("utlatande.pdf", "application/pdf",
        pdf(TEXT, new StandardProtectionPolicy("agare", "anvandare", new AccessPermission())));
    assertThat(locked.encrypted()).isTrue();
    assertThat(locked.text()).doesNotContain(TEXT);
  }

  @Test
  void wordExcelPowerPointInOoxmlAreRead() throws Exception {
    assertThat(only("brev.docx", "application/octet-stream", docx(TEXT)).text()).contains(TEXT);
    XSSFWorkbook wb = new XSSFWorkbook();
    wb.createSheet("Blad1").createRow(0).createCell(0).setCellValue(TEXT);
    ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
    wb.write(xlsx);
    wb.close();
    EmailAttachment x = only("lista.xlsx", "application/vnd.ms-excel", xlsx.toByteArray());
    assertThat(x.text()).contains(TEXT);
    assertThat(x.detectedType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    XMLSlideShow ppt = new XMLSlideShow();
    ppt.createSlide().createTextBox().setText(TEXT);
    ByteArrayOutputStream pptx = new ByteArrayOutputStream();
    ppt.write(pptx);
    ppt.close();
    assertThat(only("bilder.pptx", "application/octet-stream", pptx.toByteArray()).text()).contains(TEXT);
  }

  @Test
  void legacyOfficeIsReadAndItsEncryptionSeen() throws Exception {
    HSLFSlideShow ppt = new HSLFSlideShow();
    ppt.createSlide().addTitle().setText(TEXT);
    ByteArrayOutputStream pptOut = new ByteArrayOutputStream();
    ppt.write(pptOut);
    ppt.close();
    assertThat(only("bilder.ppt", "application/vnd.ms-powerpoint", pptOut.toByteArray()).text()).contains(TEXT);

    HSSFWorkbook xls = new HSSFWorkbook();
    xls.createSheet("Blad1").createRow(0).createCell(0).setCellValue(TEXT);
    ByteArrayOutputStream xlsOut = new ByteArrayOutputStream();
    Biff8EncryptionKey.setCurrentUserPassword("hemligt");
    try {
      xls.write(xlsOut);
    } finally {
      Biff8EncryptionKey.setCurrentUserPassword(null);
      xls.close();
    }
    EmailAttachment locked = only("lista.xls", "application/vnd.ms-excel", xlsOut.toByteArray());
    assertThat(locked.encrypted()).isTrue();
    assertThat(locked.text()).doesNotContain(TEXT);
  }

  @Test
  void passwordProtectedOoxmlIsEncrypted() throws Exception {
    EmailAttachment locked = only("brev.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        encryptOoxml(docx(TEXT)));
    assertThat(locked.encrypted()).isTrue();
    assertThat(locked.text()).doesNotContain(TEXT);
  }

  @Test
  void openDocumentRtfHtmlAndCsvAreRead() throws Exception {
    ByteArrayOutputStream odt = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(odt)) {
      byte[] mimetype = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
      ZipEntry e = new ZipEntry("mimetype");
      e.setMethod(ZipEntry.STORED);
      e.setSize(mimetype.length);
      java.util.zip.CRC32 crc = new java.util.zip.CRC32();
      crc.update(mimetype);
      e.setCrc(crc.getValue());
      zip.putNextEntry(e);
      zip.write(mimetype);
      zip.putNextEntry(new ZipEntry("content.xml"));
      zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content "
          + "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
          + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">"
          + "<office:body><office:text><text:p>" + TEXT + "</text:p></office:text></office:body></office:document-content>")
          .getBytes(StandardCharsets.UTF_8));
    }
    EmailAttachment o = only("brev.odt", "application/octet-stream", odt.toByteArray());
    assertThat(o.detectedType()).isEqualTo("application/vnd.oasis.opendocument.text");
    assertThat(o.text()).contains(TEXT);

    assertThat(only("brev.rtf", "application/rtf", ("{\\rtf1\\ansi " + TEXT + "\\par}").getBytes(StandardCharsets.US_ASCII)).text())
        .contains(TEXT);
    assertThat(only("sida.html", "text/html", ("<html><body><p>" + TEXT + "</p></body></html>").getBytes(StandardCharsets.UTF_8)).text())
        .contains(TEXT);
    assertThat(only("lista.csv", "text/csv", ("namn;text\nTolvan;" + TEXT + "\n").getBytes(StandardCharsets.UTF_8)).text())
        .contains(TEXT);
  }

  @Test
  void zipEntriesAreListedAndReadAndEncryptedEntriesSeen() throws Exception {
    EmailAttachment plain = only("journal.zip", "application/zip", Files.readAllBytes(Path.of("src/test/resources/attachments/plain.zip")));
    assertThat(plain.entries()).containsExactly("journal.txt");
    assertThat(plain.text()).contains("diagnosen astma");
    assertThat(plain.encrypted()).isFalse();

    EmailAttachment locked = only("journal.zip", "application/zip", Files.readAllBytes(Path.of("src/test/resources/attachments/encrypted.zip")));
    assertThat(locked.encrypted()).isTrue();
    assertThat(locked.text()).doesNotContain("diagnosen");
  }

  @Test
  void aZipBombIsReadOnlyUpToTheLimit() throws Exception {
    ByteArrayOutputStream bomb = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
      zip.putNextEntry(new ZipEntry("a.txt"));
      byte[] line = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n".getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < 1_500_000; i++) zip.write(line); // ~96 MB of text in ~100 KB
    }
    assertThat(bomb.size()).isLessThan(1_000_000);
    MailReader small = new MailReader(ReaderLimits.DEFAULTS.withMaxTextChars(100_000));
    MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
    m.setFrom("a@b.se");
    MimeMultipart mp = new MimeMultipart();
    MimeBodyPart att = new MimeBodyPart();
    att.setDataHandler(new DataHandler(new ByteArrayDataSource(bomb.toByteArray(), "application/zip")));
    att.setFileName("bomb.zip");
    mp.addBodyPart(att);
    m.setContent(mp);
    m.saveChanges();
    Email e = small.read(m, "bomb.eml");
    assertThat(e.attachments().get(0).text().length()).isLessThanOrEqualTo(100_000);
  }

  @Test
  void detectedTypeComesFromContentNotName() throws Exception {
    byte[] exe = new byte[512];
    exe[0] = 'M';
    exe[1] = 'Z';
    EmailAttachment a = only("faktura.pdf", "application/pdf", exe);
    assertThat(a.detectedType()).isNotEqualTo("application/pdf");
    assertThat(a.extensionType()).isEqualTo("application/pdf");
  }
}
