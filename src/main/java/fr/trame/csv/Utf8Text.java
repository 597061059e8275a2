package fr.trame.csv;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** An imported file's text, which must be UTF-8 (a BOM is accepted and dropped); else a French error at its line. */
public final class Utf8Text {

    static final String SAVE_AS = "enregistrez-le en UTF-8 (dans Excel : « CSV UTF-8 »)";

    private Utf8Text() {
    }

    public static String decode(byte[] bytes) {
        if (isUtf16(bytes)) {
            throw refused(1, "le fichier est en UTF-16 (« texte Unicode »), pas en UTF-8 : " + SAVE_AS);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        // checked chunk by chunk, to find where it goes wrong without holding a second copy of a large file
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer chunk = CharBuffer.allocate(8192);
        CoderResult result;
        while ((result = decoder.decode(in, chunk, true)).isOverflow()) {
            chunk.clear();
        }
        if (result.isError()) {
            throw refused(lineOf(bytes, in.position()), "caractère invalide en UTF-8 : le fichier n'est pas en UTF-8"
                    + " (sans doute en Latin-1 ou Windows-1252) ; " + SAVE_AS);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * A UTF-16 mark, or a NUL among the first two bytes: every file Trame reads starts with ASCII (a header, a title
     * line), which UTF-16 writes with a zero byte beside each letter.
     */
    private static boolean isUtf16(byte[] b) {
        if (b.length < 2) {
            return false;
        }
        boolean mark = (b[0] == (byte) 0xFF && b[1] == (byte) 0xFE) || (b[0] == (byte) 0xFE && b[1] == (byte) 0xFF);
        return mark || b[0] == 0 || b[1] == 0;
    }

    /** The line (from 1) of the byte at {@code position}. */
    private static long lineOf(byte[] bytes, int position) {
        long line = 1;
        for (int i = 0; i < position; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static CsvImportException refused(long line, String message) {
        return new CsvImportException(List.of(new CsvError(line, 0, null, message)));
    }
}
