# One image per service: docker build --build-arg MODULE=ingest -t shouwang/ingest .
# Built from this repository's sources with the Maven wrapper; nothing prebuilt is copied in.
FROM eclipse-temurin:17.0.16_8-jdk AS build
WORKDIR /src
COPY . .
ARG MODULE
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -q -pl services/${MODULE} -am package -DskipTests \
    && cp services/${MODULE}/target/${MODULE}-*-exec.jar /app.jar

FROM eclipse-temurin:17.0.16_8-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 shouwang && mkdir -p /var/lib/shouwang && chown shouwang /var/lib/shouwang
USER shouwang
COPY --from=build /app.jar /app/app.jar
ENV SHOUWANG_DATA_DIR=/var/lib/shouwang
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
