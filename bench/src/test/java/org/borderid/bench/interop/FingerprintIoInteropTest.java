package org.borderid.bench.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.machinezoo.fingerprintio.ansi378v2004.Ansi378v2004Fingerprint;
import com.machinezoo.fingerprintio.ansi378v2004.Ansi378v2004Minutia;
import com.machinezoo.fingerprintio.ansi378v2004.Ansi378v2004MinutiaType;
import com.machinezoo.fingerprintio.ansi378v2004.Ansi378v2004Position;
import com.machinezoo.fingerprintio.ansi378v2004.Ansi378v2004ScanType;
import com.machinezoo.fingerprintio.ansi378v2004.Ansi378v2004Template;
import com.machinezoo.fingerprintio.iso19794p2v2005.Iso19794p2v2005Fingerprint;
import com.machinezoo.fingerprintio.iso19794p2v2005.Iso19794p2v2005Minutia;
import com.machinezoo.fingerprintio.iso19794p2v2005.Iso19794p2v2005MinutiaType;
import com.machinezoo.fingerprintio.iso19794p2v2005.Iso19794p2v2005Position;
import com.machinezoo.fingerprintio.iso19794p2v2005.Iso19794p2v2005ScanType;
import com.machinezoo.fingerprintio.iso19794p2v2005.Iso19794p2v2005Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.borderid.finger.MinutiaType;
import org.borderid.finger.standard.CaptureDevice;
import org.borderid.finger.standard.FingerMinutiaeRecord;
import org.borderid.finger.standard.FingerView;
import org.borderid.finger.standard.RecordFormat;
import org.borderid.finger.standard.StandardMinutia;
import org.junit.jupiter.api.Test;

/**
 * BorderID's ISO/IEC 19794-2:2005 and ANSI INCITS 378-2004 codec against FingerprintIO (SourceAFIS's independent
 * implementation, strict mode): each reads what the other writes, field for field. Records are random but within
 * what FingerprintIO's strict validation accepts (positions 0..10, defined impression types, contiguous view
 * numbers, minutiae inside the image, no extended data).
 */
class FingerprintIoInteropTest {
    private static final long SEED = 20_050_378L;
    private static final int[] IMPRESSION_CODES = {0, 1, 2, 3, 8};
    private static final String[] IMPRESSION_NAMES = {"LIVE_PLAIN", "LIVE_ROLLED", "NONLIVE_PLAIN", "NONLIVE_ROLLED",
            "SWIPE"};

    private static FingerMinutiaeRecord record(Random random, RecordFormat format) {
        int width = 100 + random.nextInt(700);
        int height = 100 + random.nextInt(700);
        int steps = format == RecordFormat.ISO_19794_2_2005 ? 256 : 180;
        List<FingerView> views = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int v = 0; v < count; v++) {
            List<StandardMinutia> minutiae = new ArrayList<>();
            for (int m = random.nextInt(60); m > 0; m--) {
                minutiae.add(new StandardMinutia(MinutiaType.values()[random.nextInt(3)], random.nextInt(width),
                        random.nextInt(height), random.nextInt(steps) * (360.0 / steps), random.nextInt(101)));
            }
            // Distinct positions, view 0 each: FingerprintIO wants contiguous view numbers per finger.
            views.add(new FingerView(v * 2 + random.nextInt(2), 0,
                    IMPRESSION_CODES[random.nextInt(IMPRESSION_CODES.length)], random.nextInt(101), minutiae, null));
        }
        int owner = format == RecordFormat.ANSI_378_2004 ? 1 + random.nextInt(0xFFFF) : 0;
        int type = format == RecordFormat.ANSI_378_2004 ? random.nextInt(0x10000) : 0;
        return new FingerMinutiaeRecord(owner, type, new CaptureDevice(random.nextBoolean() ? 8 : 0,
                random.nextInt(4096)), width, height, 99 + random.nextInt(400), 99 + random.nextInt(400), views);
    }

    private static int impressionCode(Enum<?> scanType) {
        for (int i = 0; i < IMPRESSION_NAMES.length; i++) {
            if (IMPRESSION_NAMES[i].equals(scanType.name())) {
                return IMPRESSION_CODES[i];
            }
        }
        throw new AssertionError("unexpected scan type " + scanType);
    }

    private static MinutiaType type(Enum<?> ioType) {
        return MinutiaType.valueOf(ioType.name());
    }

    @Test
    void fingerprintIoReadsOurAnsiRecordsFieldForField() {
        Random random = new Random(SEED);
        for (int c = 0; c < 100; c++) {
            FingerMinutiaeRecord ours = record(random, RecordFormat.ANSI_378_2004);
            Ansi378v2004Template theirs = new Ansi378v2004Template(ours.write(RecordFormat.ANSI_378_2004));
            String where = "seed " + SEED + ", case " + c;
            assertThat(theirs.vendorId).as(where).isEqualTo(ours.productOwner());
            assertThat(theirs.subformat).as(where).isEqualTo(ours.productType());
            assertThat(theirs.sensorCertified).as(where).isEqualTo(ours.device().certifications() == 8);
            assertThat(theirs.sensorId).as(where).isEqualTo(ours.device().deviceTypeId());
            assertThat(List.of(theirs.width, theirs.height, theirs.resolutionX, theirs.resolutionY)).as(where)
                    .containsExactly(ours.width(), ours.height(), ours.resolutionX(), ours.resolutionY());
            assertThat(theirs.fingerprints).as(where).hasSameSizeAs(ours.views());
            for (int v = 0; v < ours.views().size(); v++) {
                FingerView view = ours.views().get(v);
                Ansi378v2004Fingerprint fp = theirs.fingerprints.get(v);
                assertThat(fp.position.ordinal()).as(where).isEqualTo(view.positionCode());
                assertThat(impressionCode(fp.scanType)).as(where).isEqualTo(view.impressionType());
                assertThat(fp.quality).as(where).isEqualTo(view.quality());
                assertThat(fp.minutiae).as(where).hasSameSizeAs(view.minutiae());
                for (int m = 0; m < view.minutiae().size(); m++) {
                    StandardMinutia mine = view.minutiae().get(m);
                    Ansi378v2004Minutia io = fp.minutiae.get(m);
                    assertThat(type(io.type)).as(where).isEqualTo(mine.type());
                    assertThat(List.of(io.positionX, io.positionY, io.angle * 2, io.quality)).as(where)
                            .containsExactly(mine.x(), mine.y(), (int) mine.direction(), mine.quality());
                }
            }
        }
    }

    @Test
    void fingerprintIoReadsOurIsoRecordsFieldForField() {
        Random random = new Random(SEED + 1);
        for (int c = 0; c < 100; c++) {
            FingerMinutiaeRecord ours = record(random, RecordFormat.ISO_19794_2_2005);
            Iso19794p2v2005Template theirs = new Iso19794p2v2005Template(ours.write(RecordFormat.ISO_19794_2_2005));
            String where = "seed " + (SEED + 1) + ", case " + c;
            assertThat(theirs.sensorCertified).as(where).isEqualTo(ours.device().certifications() == 8);
            assertThat(theirs.sensorId).as(where).isEqualTo(ours.device().deviceTypeId());
            assertThat(List.of(theirs.width, theirs.height, theirs.resolutionX, theirs.resolutionY)).as(where)
                    .containsExactly(ours.width(), ours.height(), ours.resolutionX(), ours.resolutionY());
            assertThat(theirs.fingerprints).as(where).hasSameSizeAs(ours.views());
            for (int v = 0; v < ours.views().size(); v++) {
                FingerView view = ours.views().get(v);
                Iso19794p2v2005Fingerprint fp = theirs.fingerprints.get(v);
                assertThat(fp.position.ordinal()).as(where).isEqualTo(view.positionCode());
                assertThat(impressionCode(fp.scanType)).as(where).isEqualTo(view.impressionType());
                assertThat(fp.quality).as(where).isEqualTo(view.quality());
                assertThat(fp.minutiae).as(where).hasSameSizeAs(view.minutiae());
                for (int m = 0; m < view.minutiae().size(); m++) {
                    StandardMinutia mine = view.minutiae().get(m);
                    Iso19794p2v2005Minutia io = fp.minutiae.get(m);
                    assertThat(type(io.type)).as(where).isEqualTo(mine.type());
                    assertThat(List.of(io.positionX, io.positionY, io.angle, io.quality)).as(where)
                            .containsExactly(mine.x(), mine.y(), (int) Math.round(mine.direction() / 1.40625),
                                    mine.quality());
                }
            }
        }
    }

    @Test
    void weReadFingerprintIoRecordsFieldForField() {
        Random random = new Random(SEED + 2);
        for (int c = 0; c < 100; c++) {
            FingerMinutiaeRecord expectedAnsi = record(random, RecordFormat.ANSI_378_2004);
            Ansi378v2004Template ansi = new Ansi378v2004Template();
            ansi.vendorId = expectedAnsi.productOwner();
            ansi.subformat = expectedAnsi.productType();
            ansi.sensorCertified = expectedAnsi.device().certifications() == 8;
            ansi.sensorId = expectedAnsi.device().deviceTypeId();
            ansi.width = expectedAnsi.width();
            ansi.height = expectedAnsi.height();
            ansi.resolutionX = expectedAnsi.resolutionX();
            ansi.resolutionY = expectedAnsi.resolutionY();
            for (FingerView view : expectedAnsi.views()) {
                Ansi378v2004Fingerprint fp = new Ansi378v2004Fingerprint();
                fp.position = Ansi378v2004Position.values()[view.positionCode()];
                fp.view = view.viewNumber();
                fp.scanType = Ansi378v2004ScanType.valueOf(scanTypeName(view.impressionType()));
                fp.quality = view.quality();
                for (StandardMinutia m : view.minutiae()) {
                    Ansi378v2004Minutia io = new Ansi378v2004Minutia();
                    io.type = Ansi378v2004MinutiaType.valueOf(m.type().name());
                    io.positionX = m.x();
                    io.positionY = m.y();
                    io.angle = (int) (m.direction() / 2);
                    io.quality = m.quality();
                    fp.minutiae.add(io);
                }
                ansi.fingerprints.add(fp);
            }
            assertThat(FingerMinutiaeRecord.read(ansi.toByteArray())).as("seed %d, ANSI case %d", SEED + 2, c)
                    .isEqualTo(expectedAnsi);

            FingerMinutiaeRecord expectedIso = record(random, RecordFormat.ISO_19794_2_2005);
            Iso19794p2v2005Template iso = new Iso19794p2v2005Template();
            iso.sensorCertified = expectedIso.device().certifications() == 8;
            iso.sensorId = expectedIso.device().deviceTypeId();
            iso.width = expectedIso.width();
            iso.height = expectedIso.height();
            iso.resolutionX = expectedIso.resolutionX();
            iso.resolutionY = expectedIso.resolutionY();
            for (FingerView view : expectedIso.views()) {
                Iso19794p2v2005Fingerprint fp = new Iso19794p2v2005Fingerprint();
                fp.position = Iso19794p2v2005Position.values()[view.positionCode()];
                fp.view = view.viewNumber();
                fp.scanType = Iso19794p2v2005ScanType.valueOf(scanTypeName(view.impressionType()));
                fp.quality = view.quality();
                for (StandardMinutia m : view.minutiae()) {
                    Iso19794p2v2005Minutia io = new Iso19794p2v2005Minutia();
                    io.type = Iso19794p2v2005MinutiaType.valueOf(m.type().name());
                    io.positionX = m.x();
                    io.positionY = m.y();
                    io.angle = (int) Math.round(m.direction() / 1.40625);
                    io.quality = m.quality();
                    fp.minutiae.add(io);
                }
                iso.fingerprints.add(fp);
            }
            assertThat(FingerMinutiaeRecord.read(iso.toByteArray())).as("seed %d, ISO case %d", SEED + 2, c)
                    .isEqualTo(expectedIso);
        }
    }

    private static String scanTypeName(int code) {
        for (int i = 0; i < IMPRESSION_CODES.length; i++) {
            if (IMPRESSION_CODES[i] == code) {
                return IMPRESSION_NAMES[i];
            }
        }
        throw new AssertionError("no scan type for code " + code);
    }
}
