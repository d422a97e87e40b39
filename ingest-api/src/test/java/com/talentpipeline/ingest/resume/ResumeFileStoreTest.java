package com.talentpipeline.ingest.resume;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.resume.Resume;
import com.talentpipeline.core.resume.ResumeSubmitted;
import com.talentpipeline.ingest.config.IngestProperties;
import com.talentpipeline.ingest.document.DocumentType;
import com.talentpipeline.ingest.document.ParsedResume;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * What {@code resume.submitted} tells the workers about an uploaded file: the text cut as this store keeps
 * it, its whole length, and the parsed location (the matching worker's candidate filter reads it from
 * there instead of from {@code resume_files}).
 */
class ResumeFileStoreTest {

    @Test
    void theUploadCarriesTheCutTextItsLengthAndTheParsedLocation() {
        IngestProperties properties = new IngestProperties("http://results", Duration.ofSeconds(10),
                Duration.ofSeconds(5), DataSize.ofMegabytes(1), DataSize.ofMegabytes(10), Duration.ofSeconds(10), 50,
                200_000, DataSize.ofMegabytes(64), 12, 200, 100_000, 40_000_000L);
        Resume resume = new Resume("Ada", "Lovelace", null, null, "Engineer", List.of(), List.of(), List.of(), List.of());
        String text = "Ada Lovelace\nPune, Maharashtra\nEngineer";
        ParsedResume parsed = new ParsedResume(resume, List.of(), List.of(), Map.of(), List.of(), null, null, "Pune",
                List.of());
        ParsedUpload upload = new ParsedUpload(text.getBytes(), DocumentType.TEXT, "sha", text, parsed, List.of())
                .withFileName("ada.txt");

        ResumeSubmitted.ResumeUpload described = new ResumeFileStore(null, properties).describe("u1", upload);

        assertThat(described).isEqualTo(new ResumeSubmitted.ResumeUpload("u1", "ada.txt", "text/plain",
                "Ada Lovelace", text.length(), "Pune"));
    }
}
