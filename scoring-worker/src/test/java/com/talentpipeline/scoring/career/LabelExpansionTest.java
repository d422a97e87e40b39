package com.talentpipeline.scoring.career;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabelExpansionTest {

    private final CareerTaxonomy taxonomy = CareerTaxonomy.builtIn();

    @Test
    void findsAPathByNameIdOrAliasWhateverTheCaseAndWordForm() {
        assertThat(taxonomy.find("HR")).map(CareerLabel::id).contains("hr-specialist");
        assertThat(taxonomy.find("human resources")).map(CareerLabel::id).contains("hr-specialist");
        assertThat(taxonomy.find("PMO")).map(CareerLabel::id).contains("project-manager");
        assertThat(taxonomy.find("Electrical Engineering")).map(CareerLabel::id).contains("electrical-engineer");
        assertThat(taxonomy.find("web designing")).map(CareerLabel::id).contains("web-designer");
        assertThat(taxonomy.find("Health & Fitness")).map(CareerLabel::id).contains("fitness-trainer");
        assertThat(taxonomy.find("DevOps-Engineer")).map(CareerLabel::id).contains("devops-engineer");
        assertThat(taxonomy.find("Scrum Master")).map(CareerLabel::id).contains("scrum-master");
        assertThat(taxonomy.find(".NET developer")).map(CareerLabel::id).contains("dotnet-developer");
    }

    @Test
    void aLabelNamingNoPathIsNotGuessed() {
        assertThat(taxonomy.find("Underwater basket weaving")).isEmpty();
        assertThat(taxonomy.find("Engineer")).isEmpty(); // a word shared by many paths names none of them
        assertThat(taxonomy.find("")).isEmpty();
    }

    @Test
    void aBareLabelBorrowsThePathsDescriptionAndSkills() {
        CareerLabel hr = CareerPredictor.expand(new CareerLabel("HR", "HR", null, List.of(), List.of("an example")));
        CareerLabel path = taxonomy.find("hr-specialist").orElseThrow();
        assertThat(hr.id()).isEqualTo("HR");
        assertThat(hr.name()).isEqualTo("HR");
        assertThat(hr.description()).isEqualTo(path.description());
        assertThat(hr.skills()).isEqualTo(path.skills()).contains("payroll");
        assertThat(hr.examples()).containsExactly("an example");
        assertThat(hr.zeroShotText()).startsWith("HR: ").contains("Typical skills: ");
    }

    @Test
    void theCallersOwnDescriptionAndSkillsWin() {
        CareerLabel described = CareerPredictor.expand(new CareerLabel("Sales", "Sales", "Sells cars.", List.of(), List.of()));
        assertThat(described.description()).isEqualTo("Sells cars.");
        assertThat(described.skills()).contains("negotiation");
        CareerLabel own = new CareerLabel("Sales", "Sales", "", List.of("cold calling"), List.of());
        assertThat(CareerPredictor.expand(own)).isEqualTo(own);
        CareerLabel unknown = new CareerLabel("Zookeeper", "Zookeeper", "", List.of(), List.of());
        assertThat(CareerPredictor.expand(unknown)).isEqualTo(unknown);
    }
}
