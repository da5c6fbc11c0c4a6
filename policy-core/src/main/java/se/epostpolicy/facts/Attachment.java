package se.epostpolicy.facts;

import java.util.Objects;

/**
 * One attachment of a message (attached messages and their attachments included), inserted into
 * the rule engine as a fact of its own.
 *
 * @param name the decoded file name, or an empty string
 * @param declaredType the MIME type the message declares, lower-case ({@code application/pdf})
 * @param detectedType the type read from the content, or {@code application/octet-stream}
 * @param extensionType the type the file name's extension stands for
 * @param typeMismatch the content is not what the name says ({@code faktura.pdf} that is a program)
 * @param size size in bytes of the decoded content
 * @param encrypted the content itself is encrypted (password-protected Office file, encrypted PDF or ZIP entry)
 * @param executable a program or script ({@code .exe .js .vbs …}), by name or by content
 * @param macro an Office file type that carries macros ({@code .docm .xlsm .pptm})
 * @param doubleExtension a name that hides its real type behind a harmless one ({@code faktura.pdf.exe})
 * @param entries names of the files inside an archive
 * @param read whether its text was read in full (catalogue BAS-09)
 * @since 0.1
 */
public record Attachment(String name, String declaredType, String detectedType, String extensionType,
                         boolean typeMismatch, long size, boolean encrypted, boolean executable, boolean macro,
                         boolean doubleExtension, java.util.List<String> entries, ReadStatus read) {

  public Attachment {
    name = name == null ? "" : name;
    Objects.requireNonNull(declaredType, "declaredType");
    Objects.requireNonNull(detectedType, "detectedType");
    Objects.requireNonNull(extensionType, "extensionType");
    entries = entries == null ? java.util.List.of() : java.util.List.copyOf(entries);
    read = read == null ? ReadStatus.READ : read;
  }

  /** True when its text was not read in full. */
  public boolean unread() {
    return read.unread();
  }

  /** Names no file: attachment names often carry a person's name or identity number, and facts are logged. */
  @Override
  public String toString() {
    return "Attachment[declaredType=" + declaredType + ", detectedType=" + detectedType + ", extensionType=" + extensionType
        + ", size=" + size + ", encrypted=" + encrypted + ", risky=" + risky() + ", entries=" + entries.size() + "]";
  }

  /** True for anything the policies call suspicious in an attachment. */
  public boolean risky() {
    return executable || macro || doubleExtension || typeMismatch;
  }
}
