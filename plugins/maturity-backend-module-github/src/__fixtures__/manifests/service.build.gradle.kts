plugins {
    id("org.springframework.boot") version "3.4.0"
    kotlin("jvm") version "2.1.0"
}

repositories {
    maven { url = uri("https://repo.example.com/maven2") }
}

dependencies {
    implementation(platform("io.opentelemetry:opentelemetry-bom:1.44.1"))
    implementation("io.opentelemetry:opentelemetry-api")
    implementation("org.springframework.boot:spring-boot-starter-web")
    implementation(libs.statsig.server)
    // implementation("io.sentry:sentry:7.18.0")
    testImplementation("org.junit.jupiter:junit-jupiter:5.11.3")
}
