using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Telematics.Ingest.Tests.Support;

/// <summary>
/// A throw-away certificate authority and a server certificate it signed for IP 127.0.0.1, written
/// as PEM files (and, on demand, an encrypted key or a PKCS#12 file) in a temporary directory.
/// Disposing deletes the directory.
/// </summary>
public sealed class TestCertificates : IDisposable
{
    private readonly X509Certificate2 _server;

    private TestCertificates(string directory, X509Certificate2 server)
    {
        Directory = directory;
        _server = server;
    }

    public string Directory { get; }

    /// <summary>The CA certificate: what a client trusts (<c>mosquitto_pub --cafile</c>).</summary>
    public string CaPath => Path.Combine(Directory, "ca.pem");

    public string ServerCertificatePath => Path.Combine(Directory, "server.pem");

    /// <summary>The server's private key, PKCS#8 PEM, not encrypted.</summary>
    public string ServerKeyPath => Path.Combine(Directory, "server.key");

    public static TestCertificates Create(string caName = "Telematics test CA")
    {
        var directory = Path.Combine(Path.GetTempPath(), "telematics-certs-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var notBefore = DateTimeOffset.UtcNow.AddHours(-1);
        var notAfter = DateTimeOffset.UtcNow.AddDays(1);

        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest($"CN={caName}", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, critical: false));
        using var ca = caRequest.CreateSelfSigned(notBefore, notAfter);

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serverRequest = new CertificateRequest("CN=127.0.0.1", serverKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        serverRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        serverRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        using var signed = serverRequest.Create(ca, notBefore, notAfter, RandomNumberGenerator.GetBytes(8));
        var server = signed.CopyWithPrivateKey(serverKey);

        File.WriteAllText(Path.Combine(directory, "ca.pem"), ca.ExportCertificatePem() + "\n");
        File.WriteAllText(Path.Combine(directory, "server.pem"), server.ExportCertificatePem() + "\n");
        File.WriteAllText(Path.Combine(directory, "server.key"), serverKey.ExportPkcs8PrivateKeyPem() + "\n");
        return new TestCertificates(directory, server);
    }

    /// <summary>Writes the server key as encrypted PKCS#8 PEM and returns its path.</summary>
    public string WriteEncryptedServerKey(string password)
    {
        var path = Path.Combine(Directory, "server-encrypted.key");
        using var key = _server.GetECDsaPrivateKey()!;
        var pbe = new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 10_000);
        File.WriteAllText(path, key.ExportEncryptedPkcs8PrivateKeyPem(password, pbe) + "\n");
        return path;
    }

    /// <summary>Writes the server certificate and key as a PKCS#12 file and returns its path.</summary>
    public string WriteServerPfx(string password)
    {
        var path = Path.Combine(Directory, "server.pfx");
        File.WriteAllBytes(path, _server.ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, password));
        return path;
    }

    public void Dispose()
    {
        _server.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }
}
