/**
 * The local front door: one port ({@code 8080} under {@code ./run-local}) that routes every public
 * request to the service that serves it, by the same table the Kubernetes Ingress uses
 * ({@code infra/k8s/base/ingress.yaml}, read from the classpath).
 */
package com.talentpipeline.localstack.frontdoor;
