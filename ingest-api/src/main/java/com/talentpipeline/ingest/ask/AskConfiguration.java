package com.talentpipeline.ingest.ask;

import com.talentpipeline.core.kafka.reply.PendingReplies;
import com.talentpipeline.core.kafka.reply.ReplyConsumer;
import com.talentpipeline.core.kafka.reply.RequestReply;
import com.talentpipeline.core.topic.ReactiveSends;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.ingest.config.IngestProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Wires request-reply for the front door: this instance's reply consumer (every partition of
 * {@code request.replies}, no group), the requester (sends acknowledged within
 * {@code pipeline.ingest.ack-timeout}) and the task row of a {@code 202}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AskProperties.class)
class AskConfiguration {

    @Bean
    PendingReplies pendingReplies() {
        return new PendingReplies();
    }

    @Bean
    ReplyConsumer replyConsumer(ConsumerFactory<?, ?> consumers, PendingReplies pending) {
        return new ReplyConsumer(Topics.REQUEST_REPLIES, consumers.getConfigurationProperties(), pending);
    }

    @Bean
    RequestReply requestReply(KafkaTemplate<String, byte[]> kafka, PendingReplies pending, DatabaseClient db,
            IngestProperties properties) {
        return new RequestReply(record -> ReactiveSends.acknowledged(kafka, record).timeout(properties.ackTimeout()),
                pending, new RequestTasks(db, properties.retryAfter()), Topics.REQUEST_REPLIES_NAME,
                properties.resultsBaseUrl(), properties.retryAfter());
    }

    @Bean
    Documents askDocuments(DatabaseClient db, IngestProperties properties) {
        return new Documents(db, properties.retryAfter());
    }
}
