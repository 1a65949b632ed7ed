namespace Telematics.Dashboard.Admin;

/// <summary>Reads an uploaded configuration file as UTF-8 text, refusing what is missing, empty or too large.</summary>
public static class UploadedText
{
    /// <summary>Registry and scenario files are kilobytes to a few megabytes; anything larger is a mistake.</summary>
    public const long MaxBytes = 20 * 1024 * 1024;

    /// <summary>The text, or null with <paramref name="error"/> set to a text key.</summary>
    public static async Task<(string? Text, string? Error)> ReadAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return (null, "admin.upload.empty");
        }

        if (file.Length > MaxBytes)
        {
            return (null, "admin.upload.too-large");
        }

        using var reader = new StreamReader(file.OpenReadStream(), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return (await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false), null);
    }
}
