package se.epostpolicy.samples.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Hostile and broken mail, generated: nothing large is kept in the repository. Every mail goes
 * out from Region Värmland to a private address and carries patient data (an identity number and
 * a diagnosis) only where the reader cannot fully read it, so a reader that fails open lets it
 * through and one that fails closed says the content was not read.
 */
public final class HostileMail {

  /** What the unreadable part hides: read in full, it is patient data that must not be sent. */
  public static final String SECRET = "Patienten 19121212-1212 har diagnosen diabetes typ 2 och behandlas med Metformin 500 mg 1x2.";

  private HostileMail() {}

  /** The fail-open cases of issue 9, by name; each must come out as content not read. */
  public static Map<String, Supplier<byte[]>> failOpenCases() {
    Map<String, Supplier<byte[]>> m = new LinkedHashMap<>();
    m.put("truncated-docx", () -> withAttachment("journal.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", truncate(docx(SECRET), 0.6)));
    m.put("corrupt-pdf", () -> withAttachment("remiss.pdf", "application/pdf", corrupt(pdf(SECRET))));
    m.put("truncated-pdf", () -> withAttachment("remiss.pdf", "application/pdf", truncate(pdf(SECRET), 0.5)));
    m.put("xlsx-past-text-limit", () -> withAttachment("lista.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx(2_100_000, SECRET)));
    m.put("zip-entry-after-bomb", () -> withAttachment("underlag.zip", "application/zip", zipAfterBomb(SECRET)));
    m.put("zip-nested-9", () -> withAttachment("underlag.zip", "application/zip", nestedZip(9, SECRET)));
    m.put("clear-text-as-pkcs7-mime", () -> withPart("application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m",
        "attachment; filename=smime.p7m", SECRET.getBytes(StandardCharsets.UTF_8)));
    m.put("clear-text-as-signature", () -> withPart("application/pkcs7-signature; name=smime.p7s",
        "attachment; filename=smime.p7s", SECRET.getBytes(StandardCharsets.UTF_8)));
    m.put("pdf-as-inline-image", () -> withPart("image/png; name=bild.png", "inline; filename=bild.png",
        pdf(SECRET), "Content-ID: <bild1@regionvarmland.se>\r\n"));
    return m;
  }

  /** A plain mail with nothing to object to: the body of a batch. */
  public static byte[] ordinary(int n) {
    return mail("Mötesanteckningar " + n, "text/plain; charset=UTF-8", "8bit",
        "Hej!\r\n\r\nHär kommer anteckningarna från mötet om lokalerna, punkt " + n + ".\r\n\r\nMvh Anna\r\n");
  }

  /** A subject of {@code n} reply prefixes: a regex that recurses per prefix overflows the stack. */
  public static byte[] manyReplyPrefixes(int n) {
    return mail("Re: ".repeat(n) + "möte", "text/plain; charset=UTF-8", "8bit", "Hej!\r\n");
  }

  /** A mail whose headers run straight into the body, with no blank line between. */
  public static byte[] noBlankLineAfterHeaders() {
    String s = "From: Anna Berg <anna.berg@regionvarmland.se>\r\nTo: kalle@gmail.com\r\nSubject: Svar\r\n"
        + "Date: Mon, 4 Mar 2024 10:00:00 +0100\r\nMessage-ID: <h1@regionvarmland.se>\r\n"
        + SECRET + "\r\nHälsningar Anna\r\n";
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A PDF of about 1 MB whose one content stream inflates to {@code inflatedBytes}: PDFBox
   * decodes the stream whole, so it runs out of memory at any heap size a batch would have.
   */
  public static byte[] pdfBomb(long inflatedBytes) {
    ByteArrayOutputStream deflated = new ByteArrayOutputStream();
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    try (DeflaterOutputStream out = new DeflaterOutputStream(deflated, deflater, 1 << 16)) {
      byte[] chunk = new byte[1 << 20];
      Arrays.fill(chunk, (byte) ' ');
      for (long done = 0; done < inflatedBytes; done += chunk.length) out.write(chunk, 0, (int) Math.min(chunk.length, inflatedBytes - done));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } finally {
      deflater.end();
    }
    return pdfWithStream(deflated.toByteArray(), "/Filter /FlateDecode");
  }

  private static byte[] gigabyteBomb;

  /** {@link #pdfBomb(long)} of a gigabyte as an attachment of an outgoing mail (made once: it takes seconds). */
  public static synchronized byte[] withPdfBomb() {
    if (gigabyteBomb == null) gigabyteBomb = withAttachment("röntgen.pdf", "application/pdf", pdfBomb(1L << 30));
    return gigabyteBomb.clone();
  }

  /** An mbox of {@code before} ordinary mails, one mail with a single line of {@code lineBytes}, and {@code after} more. */
  public static void mboxWithHugeLine(Path file, int before, long lineBytes, int after) throws IOException {
    try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      int n = 0;
      for (int i = 0; i < before; i++) mboxEntry(out, ordinary(n++));
      out.write("From anna@regionvarmland.se Mon Mar  4 10:00:00 2024\n".getBytes(StandardCharsets.US_ASCII));
      out.write(headers("Lång rad", "text/plain; charset=US-ASCII", "7bit").getBytes(StandardCharsets.UTF_8));
      out.write("\n".getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = new byte[1 << 20];
      Arrays.fill(chunk, (byte) 'x');
      for (long done = 0; done < lineBytes; done += chunk.length) out.write(chunk, 0, (int) Math.min(chunk.length, lineBytes - done));
      out.write("\n\n".getBytes(StandardCharsets.US_ASCII));
      for (int i = 0; i < after; i++) mboxEntry(out, ordinary(n++));
    }
  }

  private static void mboxEntry(OutputStream out, byte[] mail) throws IOException {
    out.write("From anna@regionvarmland.se Mon Mar  4 10:00:00 2024\n".getBytes(StandardCharsets.US_ASCII));
    out.write(new String(mail, StandardCharsets.UTF_8).replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
    out.write("\n".getBytes(StandardCharsets.US_ASCII));
  }

  // ---- mails ----

  public static byte[] withAttachment(String name, String type, byte[] data) {
    return withPart(type + "; name=\"" + name + "\"", "attachment; filename=\"" + name + "\"", data);
  }

  static byte[] withPart(String contentType, String disposition, byte[] data) {
    return withPart(contentType, disposition, data, "");
  }

  static byte[] withPart(String contentType, String disposition, byte[] data, String extraHeaders) {
    String b = "----=_hostile_42";
    String body = "--" + b + "\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        + "Hej Kalle,\r\n\r\nhär kommer det du bad om.\r\n\r\nHälsningar Anna\r\n"
        + "--" + b + "\r\nContent-Type: " + contentType + "\r\nContent-Disposition: " + disposition + "\r\n"
        + extraHeaders + "Content-Transfer-Encoding: base64\r\n\r\n"
        + Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(data) + "\r\n"
        + "--" + b + "--\r\n";
    return mail("Det du bad om", "multipart/mixed; boundary=\"" + b + "\"", "7bit", body);
  }

  static byte[] mail(String subject, String contentType, String encoding, String body) {
    return (headers(subject, contentType, encoding) + "\r\n" + body).getBytes(StandardCharsets.UTF_8);
  }

  private static String headers(String subject, String contentType, String encoding) {
    return "From: Anna Berg <anna.berg@regionvarmland.se>\r\nTo: Kalle <kalle.svensson@gmail.com>\r\n"
        + "Subject: =?UTF-8?B?" + Base64.getEncoder().encodeToString(subject.getBytes(StandardCharsets.UTF_8)) + "?=\r\n"
        + "Date: Mon, 4 Mar 2024 10:00:00 +0100\r\nMessage-ID: <" + Math.abs(subject.hashCode()) + "@regionvarmland.se>\r\n"
        + "MIME-Version: 1.0\r\nContent-Type: " + contentType + "\r\nContent-Transfer-Encoding: " + encoding + "\r\n";
  }

  // ---- documents ----

  /** A minimal valid PDF showing {@code text} in an uncompressed content stream. */
  public static byte[] pdf(String text) {
    String content = "BT /F1 10 Tf 40 700 Td (" + text.replace("(", "").replace(")", "") + ") Tj ET";
    return pdfWithStream(content.getBytes(StandardCharsets.ISO_8859_1), "");
  }

  private static byte[] pdfWithStream(byte[] stream, String filter) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int[] offsets = new int[6];
    write(out, "%PDF-1.4\n");
    offsets[1] = out.size();
    write(out, "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n");
    offsets[2] = out.size();
    write(out, "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n");
    offsets[3] = out.size();
    write(out, "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        + " /Resources << /Font << /F1 5 0 R >> >> >> endobj\n");
    offsets[4] = out.size();
    write(out, "4 0 obj << /Length " + stream.length + " " + filter + " >> stream\n");
    out.writeBytes(stream);
    write(out, "\nendstream endobj\n");
    offsets[5] = out.size();
    write(out, "5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >> endobj\n");
    int xref = out.size();
    StringBuilder x = new StringBuilder("xref\n0 6\n0000000000 65535 f \n");
    for (int i = 1; i <= 5; i++) x.append(String.format("%010d 00000 n \n", offsets[i]));
    x.append("trailer << /Size 6 /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
    write(out, x.toString());
    return out.toByteArray();
  }

  static byte[] docx(String text) {
    return zip(new String[][] {
        {"[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"},
        {"_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"},
        {"word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
            + ("<w:p><w:r><w:t>Ingress utan känsligt innehåll, rad för rad.</w:t></w:r></w:p>").repeat(200)
            + "<w:p><w:r><w:t>" + text + "</w:t></w:r></w:p></w:body></w:document>"}});
  }

  /** An XLSX whose shared strings hold about {@code chars} characters, {@code text} last. */
  static byte[] xlsx(int chars, String text) {
    StringBuilder strings = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
    StringBuilder rows = new StringBuilder();
    String filler = "Rad med neutral text om lokaler och scheman ";
    int n = chars / filler.length() + 1;
    for (int i = 0; i < n; i++) {
      strings.append("<si><t>").append(filler).append(i).append("</t></si>");
      rows.append("<row r=\"").append(i + 1).append("\"><c r=\"A").append(i + 1).append("\" t=\"s\"><v>").append(i).append("</v></c></row>");
    }
    strings.append("<si><t>").append(text).append("</t></si></sst>");
    rows.append("<row r=\"").append(n + 1).append("\"><c r=\"A").append(n + 1).append("\" t=\"s\"><v>").append(n).append("</v></c></row>");
    String ns = "http://schemas.openxmlformats.org/";
    return zip(new String[][] {
        {"[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"" + ns + "package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>"},
        {"_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"" + ns + "package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"" + ns + "officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"},
        {"xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + ns + "spreadsheetml/2006/main\" xmlns:r=\"" + ns
            + "officeDocument/2006/relationships\"><sheets><sheet name=\"Blad1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
        {"xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"" + ns + "package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"" + ns + "officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
            + "<Relationship Id=\"rId2\" Type=\"" + ns + "officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>"},
        {"xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + ns + "spreadsheetml/2006/main\"><sheetData>"
            + rows + "</sheetData></worksheet>"},
        {"xl/sharedStrings.xml", strings.toString()}});
  }

  /** A ZIP whose first entry inflates a thousandfold and more, the secret in the entry after it. */
  static byte[] zipAfterBomb(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.setLevel(Deflater.BEST_COMPRESSION);
      zip.putNextEntry(new ZipEntry("a.txt"));
      byte[] chunk = new byte[1 << 20];
      Arrays.fill(chunk, (byte) 'a');
      for (int i = 0; i < 20; i++) zip.write(chunk); // 20 MB of text: ten times the text limit
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("b.txt"));
      zip.write(text.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toByteArray();
  }

  static byte[] nestedZip(int depth, String text) {
    byte[] inner = text.getBytes(StandardCharsets.UTF_8);
    String name = "anteckning.txt";
    for (int i = 0; i < depth; i++) {
      inner = zip(name, inner);
      name = "nivå" + (depth - i) + ".zip";
    }
    return inner;
  }

  public static byte[] nestedRtf(int depth, String text) {
    return ("{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}}\\f0 Inledning\\par " + "{".repeat(depth) + text + "\\par "
        + "}".repeat(depth) + "}").getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] zip(String[][] entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (String[] e : entries) {
        zip.putNextEntry(new ZipEntry(e[0]));
        zip.write(e[1].getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toByteArray();
  }

  private static byte[] zip(String name, byte[] data) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry(name));
      zip.write(data);
      zip.closeEntry();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toByteArray();
  }

  private static byte[] truncate(byte[] data, double keep) {
    return Arrays.copyOf(data, (int) (data.length * keep));
  }

  /** Overwrites the middle third with noise: header and trailer stay, the body is gone. */
  private static byte[] corrupt(byte[] data) {
    byte[] copy = data.clone();
    java.util.Random r = new java.util.Random(9);
    for (int i = copy.length / 3; i < 2 * copy.length / 3; i++) copy[i] = (byte) r.nextInt(256);
    return copy;
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
  }
}
