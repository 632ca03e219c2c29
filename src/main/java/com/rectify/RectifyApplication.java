package com.rectify;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class RectifyApplication {

  public static void main(String[] args) {
    SpringApplication.run(RectifyApplication.class, args);
  }
}
