using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telematics.Ingest.Metrics;
using Telematics.Ingest.Mqtt.Client;
using Telematics.Ingest.Mqtt.Endpoint;
using Telematics.Ingest.Pipeline;
using Telematics.Ingest.Registry;
using Telematics.Ingest.Transport;

namespace Telematics.Ingest.Mqtt;

/// <summary>
/// Registers MQTT ingest: the built-in endpoint as a Kestrel connection handler (1883, and 8883
/// with TLS when a certificate is configured) and the broker-mode client (off by default).
/// Call after the pipeline is registered, so that on shutdown MQTT stops before the pipeline drains.
/// </summary>
public static class MqttHosting
{
    public static WebApplicationBuilder AddTelematicsMqtt(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<MqttOptions>(builder.Configuration.GetSection(MqttOptions.Section));
        services.AddSingleton<MqttDeadLetterFile>();
        services.AddSingleton<MqttEndpoint>();
        services.AddSingleton<MqttBrokerIngest>();
        services.AddHostedService(sp => sp.GetRequiredService<MqttBrokerIngest>());
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            var sp = kestrel.ApplicationServices;
            var endpoint = sp.GetRequiredService<MqttEndpoint>();
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Telematics.Ingest.Mqtt");
            var options = endpoint.Options;
            if (!options.Enabled)
            {
                logger.LogInformation("MQTT endpoint disabled");
                return;
            }

            var handler = new MqttConnectionHandler(
                endpoint,
                sp.GetRequiredService<IngestPipeline>(),
                sp.GetRequiredService<DeviceRegistry>(),
                sp.GetRequiredService<IngestMetrics>(),
                sp.GetRequiredService<MqttDeadLetterFile>(),
                sp.GetRequiredService<IOptions<IngestLimits>>().Value,
                sp.GetRequiredService<ILogger<MqttConnectionHandler>>(),
                sp.GetService<DeviceActivity>());
            var address = IPAddress.Parse(sp.GetRequiredService<IOptions<IngestOptions>>().Value.BindAddress);
            kestrel.Listen(address, options.Port, lo =>
            {
                lo.Run(handler.OnConnectedAsync);
                endpoint.AddListener(lo, tls: false);
            });
            if (!string.IsNullOrWhiteSpace(options.CertificatePath))
            {
                var certificate = LoadCertificate(options);
                kestrel.Listen(address, options.TlsPort, lo =>
                {
                    lo.UseHttps(certificate);
                    lo.Run(handler.OnConnectedAsync);
                    endpoint.AddListener(lo, tls: true);
                });
            }
        });
        return builder;
    }

    public static WebApplication MapTelematicsMqtt(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var endpoint = app.Services.GetRequiredService<MqttEndpoint>();
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Telematics.Ingest.Mqtt");
            if (endpoint.Port is { } port)
            {
                logger.LogInformation("mqtt devices: listening on port {Port}{Tls}", port, endpoint.TlsPort is { } tls ? $" and {tls} (TLS)" : "");
            }
        });
        return app;
    }

    /// <summary>The TLS certificate; a file that is missing or unreadable stops the start with its path and the reason.</summary>
    private static X509Certificate2 LoadCertificate(MqttEndpointOptions options)
    {
        try
        {
            return ReadCertificate(options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            throw new InvalidOperationException(
                $"Telematics:Mqtt:Endpoint: the TLS certificate {options.CertificatePath} (key {options.CertificateKeyPath ?? "in the same file"}) could not be loaded: {e.Message}", e);
        }
    }

    private static X509Certificate2 ReadCertificate(MqttEndpointOptions options)
    {
        var path = options.CertificatePath!;
        if (path.EndsWith(".pfx", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".p12", StringComparison.OrdinalIgnoreCase))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, options.CertificatePassword);
        }

        return string.IsNullOrEmpty(options.CertificatePassword)
            ? X509Certificate2.CreateFromPemFile(path, options.CertificateKeyPath)
            : X509Certificate2.CreateFromEncryptedPemFile(path, options.CertificatePassword, options.CertificateKeyPath);
    }
}
