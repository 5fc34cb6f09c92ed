package jp.kakehashi.glossary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;
import org.junit.jupiter.api.Test;

class TbxFormatTest {

    private static GlossaryTerm t(long id, String ja, String en, String note, String scope, GlossaryTerm.Status s) {
        return new GlossaryTerm(id, ja, en, note, scope, s, null, Instant.EPOCH, Instant.EPOCH, 0L);
    }

    @Test
    void exportedTermsReadBackAsTheSameCommands() {
        List<GlossaryTerm> terms = List.of(t(1, "姉妹都市", "sister city", "", "ALL", GlossaryTerm.Status.PREFERRED),
                t(2, "姉妹都市", "twin town", "英国以外では使わない <&> \"注\"", "PAR", GlossaryTerm.Status.FORBIDDEN),
                t(3, "ＪＥＴプログラム", "JET Programme", "", "LON", GlossaryTerm.Status.PREFERRED));
        String xml = new String(TbxFormat.write(terms), StandardCharsets.UTF_8);
        assertTrue(xml.contains("urn:iso:std:iso:30042:ed-2") && xml.contains("&lt;&amp;&gt;"), xml);
        assertEquals(List.of(new GlossaryCommand("姉妹都市", "sister city", null, "ALL", "PREFERRED"),
                new GlossaryCommand("姉妹都市", "twin town", "英国以外では使わない <&> \"注\"", "PAR", "FORBIDDEN"),
                new GlossaryCommand("ＪＥＴプログラム", "JET Programme", null, "LON", "PREFERRED")),
                TbxFormat.read(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void doctypesEntitiesAndOtherXmlAreRefusedAsInvalid() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE tbx [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<tbx><text><body><conceptEntry><langSec xml:lang=\"ja\"><termSec><term>&x;</term></termSec>"
                + "</langSec></conceptEntry></body></text></tbx>";
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>"
                + "<tbx>&lol2;</tbx>";
        for (String hostile : List.of(xxe, laughs, "not xml", "<html><body/></html>", "<tbx><unclosed></tbx>", "")) {
            ApiException e = assertThrows(ApiException.class,
                    () -> TbxFormat.read(hostile.getBytes(StandardCharsets.UTF_8)), hostile);
            assertEquals(ErrorCode.INVALID_XML, e.code(), hostile);
        }
    }

    @Test
    void anUndeclaredEntityIsRefusedNotReadAsTheWordNull() {
        String tbx = entry("<term>&amp;lt;&nope;</term>", "preferredTerm-admn-sts");
        ApiException e = assertThrows(ApiException.class, () -> TbxFormat.read(tbx.getBytes(StandardCharsets.UTF_8)));
        assertEquals(ErrorCode.INVALID_XML, e.code());
    }

    @Test
    void aTbxRootInAnotherNamespaceOrNoneIsRefusedAndMartifWithoutOneIsRead() {
        String good = entry("<term>防災</term>", "preferredTerm-admn-sts");
        for (String root : List.of("<tbx xmlns=\"urn:evil\"", "<tbx", "<evil:tbx xmlns:evil=\"urn:evil\"")) {
            String hostile = good.replace("<tbx xmlns=\"" + TbxFormat.NS + "\"", root)
                    .replace("</tbx>", root.startsWith("<evil:") ? "</evil:tbx>" : "</tbx>");
            ApiException e = assertThrows(ApiException.class,
                    () -> TbxFormat.read(hostile.getBytes(StandardCharsets.UTF_8)), hostile);
            assertEquals(ErrorCode.INVALID_XML, e.code(), hostile);
        }
        String martif = good.replace("<tbx xmlns=\"" + TbxFormat.NS + "\"", "<martif").replace("</tbx>", "</martif>");
        assertEquals(1, TbxFormat.read(martif.getBytes(StandardCharsets.UTF_8)).size());
    }

    @Test
    void theFourTbxBasicStatusesMapToTheGlossarysTwoAndAnyOtherIsRefused() {
        for (String[] c : List.of(new String[] {"preferredTerm-admn-sts", "PREFERRED"},
                new String[] {"admittedTerm-admn-sts", "PREFERRED"}, new String[] {"deprecatedTerm-admn-sts", "FORBIDDEN"},
                new String[] {"supersededTerm-admn-sts", "FORBIDDEN"})) {
            List<GlossaryCommand> read = TbxFormat.read(entry("<term>防災</term>", c[0]).getBytes(StandardCharsets.UTF_8));
            assertEquals(c[1], read.get(0).status(), c[0]);
        }
        ApiException e = assertThrows(ApiException.class, () -> TbxFormat.read(
                entry("<term>防災</term>", "mostlyPreferred").getBytes(StandardCharsets.UTF_8)));
        assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
    }

    /** One entry: 防災 and the given English term element with the given status. */
    private static String entry(String enTerm, String status) {
        return "<tbx xmlns=\"" + TbxFormat.NS + "\"><text><body><conceptEntry id=\"c1\">"
                + "<langSec xml:lang=\"ja\"><termSec><term>防災</term></termSec></langSec>"
                + "<langSec xml:lang=\"en\"><termSec>" + enTerm
                + "<termNote type=\"administrativeStatus\">" + status + "</termNote></termSec></langSec>"
                + "</conceptEntry></body></text></tbx>";
    }

    @Test
    void randomBytesAndMutatedFilesOnlyEverGiveInvalidXml() {
        byte[] valid = TbxFormat.write(List.of(t(1, "防災", "disaster preparedness", "n", "ALL",
                GlossaryTerm.Status.PREFERRED)));
        Random random = new Random(7);
        List<byte[]> inputs = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            byte[] b = valid.clone();
            for (int k = random.nextInt(6); k >= 0; k--) {
                b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            }
            inputs.add(b);
            byte[] noise = new byte[random.nextInt(200)];
            random.nextBytes(noise);
            inputs.add(noise);
        }
        for (byte[] input : inputs) {
            try {
                TbxFormat.read(input);
            } catch (ApiException e) {
                assertTrue(e.code() == ErrorCode.INVALID_XML || e.code() == ErrorCode.TOO_MANY_ITEMS
                        || e.code() == ErrorCode.VALIDATION_FAILED, e.code().name());
            }
        }
    }
}
