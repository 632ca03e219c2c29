package com.rectify.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Whether a fresh database gets demo users and audits ({@code rectify.demo.enabled}). */
@ConfigurationProperties("rectify.demo")
record DemoProperties(boolean enabled) {}
