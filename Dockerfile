# Builds the product from this repository and runs it on a Java 17 runtime.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY bpmn bpmn
COPY src src
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
RUN useradd --system --uid 10001 rectify && mkdir -p /app/data && chown rectify /app/data
COPY --from=build /src/target/rectify-*.jar /app/rectify.jar
USER rectify
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/rectify.jar"]
