package org.borderid.server.http;

/** The biometric and subject services behind the /v1 routes (filled in as the engines are wired). */
public record ApiServices() {}
