/**
 * The consume kit: how every service reads its topics.
 *
 * <ul>
 *   <li>{@link com.talentpipeline.core.kafka.consume.ConsumeKit} builds a
 *       {@link com.talentpipeline.core.kafka.consume.TypedListener} per topic: the {@code @KafkaListener}
 *       method hands it the polled records, and the worker's handler gets decoded, typed
 *       {@link com.talentpipeline.core.kafka.consume.Received} records. A record that cannot be decoded
 *       follows its topic's {@link com.talentpipeline.core.topic.BadRecordPolicy} here, in one place,
 *       counted as {@code pipeline_bad_records_total{topic,policy}}.</li>
 *   <li>{@link com.talentpipeline.core.kafka.consume.DeadLetters} is the one dead-letter writer (one header
 *       set, {@link com.talentpipeline.core.kafka.consume.DeadLetterHeaders}); it also fails the task of a
 *       record that failed for good.</li>
 *   <li>{@link com.talentpipeline.core.kafka.consume.ConsumeAutoConfiguration} gives every service the one
 *       error handler: what escapes a listener is infrastructure (PostgreSQL, Redis or Kafka away) and is
 *       retried with exponential back-off until it succeeds; an exception spring-kafka classifies as not
 *       retryable goes to {@code <topic>.DLT} through a {@code DeadLetterPublishingRecoverer} writing the
 *       same headers.</li>
 * </ul>
 *
 * <p>Why no {@code ErrorHandlingDeserializer}: the consumers keep {@code String}/{@code byte[]}
 * deserializers, which cannot fail, and decode the envelope in the kit. One consumer factory serves topics
 * of different payload types, the matching worker's compacted-topic readers and the replay tool read raw
 * bytes from it, and a decode failure has to be turned into a FAILED task, which needs the raw bytes.
 */
package com.talentpipeline.core.kafka.consume;
