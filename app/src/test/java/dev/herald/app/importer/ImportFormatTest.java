package dev.herald.app.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImportFormatTest {

    @Test
    void shouldFindFormatIgnoringCase() {
        // Act / Assert
        assertThat(ImportFormat.find(" Rees46 ")).contains(ImportFormat.REES46);
        assertThat(ImportFormat.find("taobao")).contains(ImportFormat.TAOBAO);
        assertThat(ImportFormat.find("SEGMENT")).contains(ImportFormat.SEGMENT);
        assertThat(ImportFormat.find("csv")).isEmpty();
    }

    @Test
    void shouldGiveEachFormatsOwnImporterFreshEachTime() {
        // Act / Assert
        assertThat(ImportFormat.TAOBAO.importer()).isInstanceOf(TaobaoImporter.class);
        assertThat(ImportFormat.REES46.importer()).isInstanceOf(Rees46Importer.class)
                .isNotSameAs(ImportFormat.REES46.importer());
        assertThat(ImportFormat.SEGMENT.importer()).isInstanceOf(SegmentJsonlImporter.class);
        assertThat(ImportFormat.SEGMENT.key()).isEqualTo("segment");
    }
}
