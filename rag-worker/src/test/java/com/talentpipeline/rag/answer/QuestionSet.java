package com.talentpipeline.rag.answer;

import com.talentpipeline.core.resume.Resume;
import java.util.List;

/**
 * The question set: for each question, the resume asked, and either the section the answer must cite
 * (answerable) or null (the resume does not say: a refusal is the correct answer).
 */
final class QuestionSet {

    record Question(String who, Resume resume, String question, String expectedSection) {
        /** Whether a cited section is an acceptable one ({@code expectedSection} may list several, split by |). */
        boolean accepts(String section) {
            return expectedSection != null && java.util.Arrays.asList(expectedSection.split("\\|")).contains(section);
        }
    }

    private QuestionSet() {
    }

    static List<Question> all() {
        Resume lars = Resumes.lars();
        Resume maya = Resumes.maya();
        Resume sofia = Resumes.sofia();
        return List.of(
                new Question("lars", lars, "What is the candidate's experience with Kafka?", "workExperience"),
                new Question("lars", lars, "Where did they study?", "education"),
                new Question("lars", lars, "Which certifications do they hold?", "certifications"),
                new Question("lars", lars, "Have they worked with Kubernetes?", "workExperience"),
                new Question("lars", lars, "Do they know Go?", null),
                new Question("lars", lars, "Have they trained machine learning models with PyTorch?", null),
                new Question("maya", maya, "Where did they study?", "education"),
                new Question("maya", maya, "What machine learning work have they done?", "workExperience"),
                new Question("maya", maya, "Do they know Python?", "skills"),
                new Question("maya", maya, "What is the candidate's experience with Kafka?", null),
                new Question("maya", maya, "Do they speak Japanese?", null),
                new Question("sofia", sofia, "What frontend frameworks do they use?", "skills|summary|workExperience"),
                new Question("sofia", sofia, "Where did they study?", "education"),
                new Question("sofia", sofia, "Have they improved accessibility?", "workExperience"),
                new Question("sofia", sofia, "Do they have a pilot's license?", null),
                new Question("sofia", sofia, "What is their experience with Kubernetes?", null));
    }
}
