package com.talentpipeline.localstack.stack;

import java.lang.reflect.Method;
import java.util.List;

import org.slf4j.LoggerFactory;

/**
 * Turns the embedded Kafka broker's INFO logging down to WARN: it logs every config value, every
 * partition state change and every segment roll, drowning the services' own logs. Done through
 * Logback when Logback is the SLF4J backend (as in the Spring Boot services and the tests), by
 * reflection so this module does not force a logging backend on anyone.
 */
final class ServerLogging {

    /** Server-side loggers only; the services' Kafka clients keep their levels. */
    static final List<String> KAFKA_SERVER_LOGGERS = List.of(
            "kafka",
            "state.change.logger",
            "org.apache.kafka.server",
            "org.apache.kafka.raft",
            "org.apache.kafka.controller",
            "org.apache.kafka.metadata",
            "org.apache.kafka.image",
            "org.apache.kafka.storage",
            "org.apache.kafka.coordinator",
            "org.apache.kafka.queue",
            "org.apache.kafka.snapshot",
            "org.apache.kafka.security",
            "org.apache.kafka.network",
            "org.apache.kafka.common.network",
            "org.apache.kafka.common.metrics",
            "org.apache.kafka.common.utils.AppInfoParser",
            "org.apache.kafka.common.config.AbstractConfig",
            "org.apache.kafka.clients.NetworkClient");

    private ServerLogging() {
    }

    /** Sets the Kafka server loggers to WARN, or to {@code STACK_KAFKA_LOG_LEVEL} when set (debugging). */
    static void quietKafkaServer() {
        String level = System.getenv().getOrDefault("STACK_KAFKA_LOG_LEVEL", "WARN");
        for (String name : KAFKA_SERVER_LOGGERS) {
            setLevel(name, level);
        }
    }

    private static void setLevel(String loggerName, String level) {
        Object logger = LoggerFactory.getLogger(loggerName);
        if (!logger.getClass().getName().equals("ch.qos.logback.classic.Logger")) {
            return;
        }
        try {
            Class<?> levelClass = Class.forName("ch.qos.logback.classic.Level", true, logger.getClass().getClassLoader());
            Object levelValue = levelClass.getMethod("toLevel", String.class).invoke(null, level);
            Method setLevel = logger.getClass().getMethod("setLevel", levelClass);
            setLevel.invoke(logger, levelValue);
        } catch (ReflectiveOperationException | LinkageError e) {
            // Logging stays verbose; nothing else depends on it.
        }
    }
}
