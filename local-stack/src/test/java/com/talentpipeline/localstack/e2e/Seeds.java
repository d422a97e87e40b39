package com.talentpipeline.localstack.e2e;

/** Realistic documents from the seeds, as clients send them. */
final class Seeds {

    private Seeds() {
    }

    /** The seed "Python AI Services" resume. */
    static String pythonAiServicesResume(String email) {
        return """
                {"firstName":"Maya","lastName":"Chen","email":"EMAIL","phone":"+1 415 555 0134",
                 "summary":"Machine learning engineer who builds Python AI services, from model training to production APIs.",
                 "skills":[{"name":"Python","proficiency":"Expert"},{"name":"PyTorch","proficiency":"Advanced"},
                           {"name":"FastAPI","proficiency":"Advanced"},{"name":"Docker","proficiency":"Intermediate"},
                           {"name":"PostgreSQL","proficiency":"Intermediate"}],
                 "workExperience":[
                   {"jobTitle":"Machine Learning Engineer","company":"Acme AI","startDate":"2021-03","endDate":"present",
                    "responsibilities":["Built and deployed NLP models behind FastAPI services",
                                        "Cut inference latency by 40% with batching and ONNX export"]},
                   {"jobTitle":"Data Scientist","company":"DataWorks","startDate":"2018-06","endDate":"2021-02",
                    "responsibilities":["Trained recommendation models on user behaviour data",
                                        "Wrote ETL pipelines in Python and SQL"]}],
                 "education":[{"degree":"MSc Computer Science","institution":"University of Toronto","graduationDate":"2018-05"}],
                 "certifications":[{"name":"AWS Certified Machine Learning - Specialty","issuer":"Amazon Web Services"},
                                   {"name":"TensorFlow Developer Certificate","issuer":"Google"}]}""".replace("EMAIL", email);
    }

    static String javaKafkaResume(String email) {
        return """
                {"firstName":"Lars","lastName":"Berg","email":"EMAIL",
                 "summary":"Backend engineer building event-driven Java microservices with Kafka and Spring Boot.",
                 "skills":[{"name":"Java"},{"name":"Spring Boot"},{"name":"Apache Kafka"},{"name":"PostgreSQL"},{"name":"Kubernetes"}],
                 "workExperience":[
                   {"jobTitle":"Senior Backend Engineer","company":"Streamly","startDate":"2019-01","endDate":"present",
                    "responsibilities":["Designed Kafka Streams pipelines processing 2 billion events a day",
                                        "Built REST APIs in Java with Spring Boot and PostgreSQL"]},
                   {"jobTitle":"Software Engineer","company":"Bankly","startDate":"2016-02","endDate":"2018-12",
                    "responsibilities":["Developed payment microservices in Java"]}],
                 "certifications":[{"name":"Confluent Certified Developer for Apache Kafka","issuer":"Confluent"}]}"""
                .replace("EMAIL", email);
    }

    /** A frontend developer (third candidate of the RAG question set). */
    static String frontendResume(String email) {
        return """
                {"firstName":"Sofia","lastName":"Rossi","email":"EMAIL",
                 "summary":"Frontend developer focused on accessible React applications. Enjoys design systems.",
                 "skills":[{"name":"TypeScript","proficiency":"Expert"},{"name":"React"},{"name":"CSS"},{"name":"Figma"}],
                 "workExperience":[
                   {"jobTitle":"Frontend Developer","company":"Studio Nove","startDate":"2020-02","endDate":"present",
                    "responsibilities":["Built a component library in React and TypeScript used by 12 teams",
                                        "Raised Lighthouse accessibility scores from 70 to 98"]}],
                 "education":[{"degree":"BA Graphic Design","institution":"Politecnico di Milano","graduationDate":"2019"}]}"""
                .replace("EMAIL", email);
    }

    static String backendJob() {
        return """
                {"title":"Senior Java Backend Engineer","company":"Fintech GmbH","location":"Berlin",
                 "experienceLevel":"Senior","status":"active","remote":true,
                 "skills":[{"name":"Java"},{"name":"Spring Boot"},{"name":"Kafka"},{"name":"Microservices"}],
                 "requirements":["5+ years building backend services in Java","Experience with event streaming on Kafka"],
                 "description":"Build the event-driven core of our payments platform."}""";
    }

    static String pastryChefJob() {
        return """
                {"title":"Pastry Chef","company":"Le Petit Four","location":"Paris","experienceLevel":"Mid",
                 "skills":[{"name":"Baking"},{"name":"Pastry"},{"name":"Chocolate tempering"},{"name":"Cake decorating"}],
                 "requirements":["3 years in a professional pastry kitchen","Laminated doughs and viennoiserie"],
                 "description":"Create desserts and breads for our bakery."}""";
    }
}
