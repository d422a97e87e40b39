package com.talentpipeline.bench.matching;

import java.util.List;

/** Realistic job families: titles and the skills each family asks for. */
final class Catalog {

    private Catalog() {
    }

    /**
     * @param titles  job titles of the family
     * @param skills  skills jobs of the family ask for
     * @param duties  requirement sentences
     */
    record Family(List<String> titles, List<String> skills, List<String> duties) {
    }

    static final List<Family> FAMILIES = List.of(
            new Family(List.of("Java Backend Engineer", "Backend Developer", "Software Engineer", "Platform Engineer"),
                    List.of("Java", "Spring Boot", "Kafka", "PostgreSQL", "Docker", "Kubernetes", "REST APIs", "Microservices",
                            "Redis", "AWS", "Kotlin", "SQL"),
                    List.of("Design and operate backend services", "Build event-driven microservices",
                            "Own APIs used by millions of customers")),
            new Family(List.of("Frontend Developer", "React Engineer", "UI Engineer", "Web Developer"),
                    List.of("JavaScript", "TypeScript", "React", "CSS", "HTML", "Vue", "Webpack", "Accessibility", "Figma",
                            "Next.js"),
                    List.of("Build accessible single page applications", "Maintain the design system",
                            "Optimise web performance")),
            new Family(List.of("Data Scientist", "Machine Learning Engineer", "Data Analyst", "AI Engineer"),
                    List.of("Python", "Machine Learning", "PyTorch", "TensorFlow", "Pandas", "SQL", "Statistics", "Spark",
                            "scikit-learn", "NLP"),
                    List.of("Train and deploy machine learning models", "Analyse large datasets",
                            "Run experiments and A/B tests")),
            new Family(List.of("DevOps Engineer", "Site Reliability Engineer", "Cloud Engineer", "Infrastructure Engineer"),
                    List.of("Kubernetes", "Terraform", "AWS", "Linux", "Prometheus", "Docker", "Ansible", "CI/CD", "Go",
                            "Bash"),
                    List.of("Run production infrastructure", "Automate deployments", "Be on call for critical systems")),
            new Family(List.of("Registered Nurse", "ICU Nurse", "Pediatric Nurse", "Nurse Practitioner"),
                    List.of("Patient care", "Medication administration", "Nursing", "BLS", "ACLS", "Critical care",
                            "Wound care", "Electronic health records", "Triage"),
                    List.of("Provide patient care on the ward", "Administer medication safely",
                            "Document care plans")),
            new Family(List.of("Accountant", "Financial Analyst", "Controller", "Auditor"),
                    List.of("Accounting", "Excel", "Financial reporting", "IFRS", "SAP", "Budgeting", "Tax",
                            "Financial modelling", "Auditing"),
                    List.of("Prepare monthly financial statements", "Own the budgeting process",
                            "Support external audits")),
            new Family(List.of("Marketing Manager", "Content Marketer", "SEO Specialist", "Growth Marketer"),
                    List.of("SEO", "Content marketing", "Google Analytics", "Social media", "Copywriting", "Email marketing",
                            "Marketing automation", "Branding"),
                    List.of("Plan and run campaigns", "Grow organic traffic", "Write compelling copy")),
            new Family(List.of("Sales Representative", "Account Executive", "Business Development Manager"),
                    List.of("Sales", "Negotiation", "CRM", "Salesforce", "Lead generation", "Cold calling",
                            "Account management"),
                    List.of("Close new business", "Manage key accounts", "Build the sales pipeline")),
            new Family(List.of("Pastry Chef", "Sous Chef", "Line Cook", "Head Chef"),
                    List.of("Baking", "Pastry", "Food safety", "Menu planning", "Cooking", "Kitchen management",
                            "Inventory"),
                    List.of("Prepare dishes to standard", "Run the kitchen during service", "Plan seasonal menus")),
            new Family(List.of("Electrician", "Construction Manager", "Civil Engineer", "Site Supervisor"),
                    List.of("Electrical wiring", "AutoCAD", "Project management", "Health and safety", "Blueprint reading",
                            "Structural analysis", "Scheduling"),
                    List.of("Supervise construction sites", "Read technical drawings", "Ensure safety compliance")),
            new Family(List.of("Teacher", "Mathematics Teacher", "Teaching Assistant", "Curriculum Developer"),
                    List.of("Teaching", "Lesson planning", "Classroom management", "Curriculum design", "Mathematics",
                            "Assessment", "Special education"),
                    List.of("Plan and deliver lessons", "Assess student progress", "Support students with special needs")),
            new Family(List.of("Product Manager", "Product Owner", "Project Manager", "Scrum Master"),
                    List.of("Product management", "Agile", "Scrum", "Jira", "Roadmapping", "Stakeholder management",
                            "User research"),
                    List.of("Own the product roadmap", "Work with engineering and design", "Run agile ceremonies")));

    static final List<String> COMPANIES = List.of("Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Stark",
            "Wayne", "Tyrell", "Cyberdyne", "Soylent", "Wonka", "Gringotts", "Oscorp", "Aperture");

    static final List<String> LOCATIONS = List.of("Berlin", "Munich", "Hamburg", "London", "Paris", "Amsterdam",
            "Madrid", "Lisbon", "Vienna", "Zurich", "Warsaw", "Prague", "Stockholm", "Dublin", "Milan");
}
