package com.talentpipeline.scoring.interview;

import com.talentpipeline.core.interview.InterviewSubmitted;
import com.talentpipeline.core.interview.InterviewSubmitted.Turn;
import java.util.List;

/** Two real-sounding backend interviews, written for these tests: a strong and a weak candidate, same questions. */
final class Transcripts {

    static final List<String> QUESTIONS = List.of(
            "Tell me about a production incident you handled recently.",
            "How would you design an API that must not charge a customer twice when clients retry?",
            "A PostgreSQL query got slow after the table grew to 50 million rows. How do you approach it?",
            "How do you work with your team when you disagree on a technical decision?");

    static final List<String> STRONG = List.of(
            "Last spring our checkout service started timing out at peak. I first looked at the p99 latency dashboard and saw it jump from 120 ms to 4 seconds. The traces showed the time went into the payment client, so I narrowed it down to the thread pool: it had 20 threads and the payment provider had become slow. We set a 2 second timeout, added a circuit breaker, and then raised the pool after measuring. The root cause was a missing timeout, so we added an alert on pool saturation and wrote the postmortem together with the team.",
            "I would make the charge endpoint idempotent. The client sends an idempotency key with each request, and the server stores the key with the result in the same transaction as the charge, with a unique index on the key. A retry with the same key returns the stored result instead of charging again. I considered deduplicating in Redis with a TTL, but the trade-off is that a cache eviction could let a duplicate through, so the database is the safer source of truth. I would test it with concurrent retries to catch the race condition.",
            "First I would reproduce it and run EXPLAIN ANALYZE to see the query plan. Usually the plan switched to a sequential scan because an index does not match the filter, or statistics are stale. I would check the selectivity of the filter, then add a composite index on the filtered and sorted columns, and verify with the plan that it uses an index scan. If the table keeps growing I would consider partitioning by month. I measured a similar case where the query went from 9 seconds to 40 ms.",
            "I try to make the disagreement about evidence, not opinions. Recently a colleague wanted to introduce a new message queue and I preferred Kafka, which we already run. We wrote down the options and the trade-offs, ran a small benchmark together, and agreed on Kafka because it met the throughput we measured. I made sure the colleague's concerns about operations went into the plan, and we shared the decision with the team in a short design note.");

    static final List<String> WEAK = List.of(
            "Um, there was a time the website was down, I guess. Somebody else fixed it, I think it was the database or something. We just waited, basically.",
            "Yeah, I would just, like, check if it was charged before. Kind of make sure it is not charged twice, you know.",
            "I would probably restart the database. Or ask the DBA. It depends.",
            "I usually just do what I think is right. If they disagree, um, whatever, the manager decides.");

    static InterviewSubmitted interview(String id, List<String> answers, InterviewSubmitted.Rubric rubric) {
        List<Turn> turns = new java.util.ArrayList<>();
        for (int i = 0; i < QUESTIONS.size(); i++) {
            turns.add(new Turn("interviewer", QUESTIONS.get(i)));
            turns.add(new Turn("candidate", answers.get(i)));
        }
        return new InterviewSubmitted(id, turns, rubric, null);
    }

    private Transcripts() {
    }
}
