# detection-worker: runtime image from the runnable jar that `mvn package` builds
# (detection-worker/target/detection-worker-<version>-exec.jar). Build context = repository root:
#   mvn -B -q install -DskipTests && docker build -f infra/docker/detection-worker.Dockerfile -t talent-pipeline/detection-worker .
FROM eclipse-temurin:17-jre
# curl for the HEALTHCHECK; a fixed non-root user owning only /app.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /app --shell /usr/sbin/nologin app \
 && mkdir -p /app/tmp /app/djl-cache \
 && chown -R app:app /app
WORKDIR /app
COPY --chown=app:app detection-worker/target/detection-worker-*-exec.jar /app/app.jar
USER 10001:10001
# Offline models: DJL never reaches a model hub; its native/model cache lives under /app.
ENV DJL_OFFLINE=true \
    OPT_OUT_TRACKING=true \
    DJL_CACHE_DIR=/app/djl-cache \
    JAVA_OPTS="-XX:MaxRAMPercentage=75 -Dai.djl.offline=true -Djava.io.tmpdir=/app/tmp"
EXPOSE 8086
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=6 \
  CMD curl -fsS http://localhost:8086/actuator/health/readiness || exit 1
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/app.jar"]
