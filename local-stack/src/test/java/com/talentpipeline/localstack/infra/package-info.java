/**
 * Checks of the deployment files under {@code infra/} (Prometheus rules, docker-compose, Kubernetes
 * manifests) against the code: ports, probe paths, environment variables and PromQL metric names.
 */
package com.talentpipeline.localstack.infra;
