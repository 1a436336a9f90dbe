package dev.assay.trace;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Span ingestion settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TraceProperties.class)
class TraceConfiguration {}
