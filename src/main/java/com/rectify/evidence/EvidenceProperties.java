package com.rectify.evidence;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Where evidence files are kept and what is accepted ({@code rectify.evidence}). */
@ConfigurationProperties("rectify.evidence")
record EvidenceProperties(Path storageDirectory, DataSize maxFileSize, List<String> allowedTypes) {}
