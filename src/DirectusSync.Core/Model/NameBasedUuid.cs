using System.Security.Cryptography;
using System.Text;

namespace DirectusSync.Core.Model;

/// <summary>
/// RFC 9562 version-5 (SHA-1, name-based) uuids: the same name gives the same uuid on every machine, which is
/// what lets two CI runners or a fresh clone agree on the sync id of an integer-keyed item without storing it.
/// </summary>
public static class NameBasedUuid
{
    /// <summary>DirectusSync's own namespace, so our names never collide with another tool's v5 uuids.</summary>
    public static readonly Guid Namespace = Guid.Parse("d6501d48-b1e6-496d-a7f2-102dfe70d94f");

    /// <summary>The version-5 uuid of <paramref name="name"/> in <paramref name="namespaceId"/>, lower-case text.</summary>
    public static string Create(string name, Guid? namespaceId = null)
    {
        var space = new byte[16];
        (namespaceId ?? Namespace).TryWriteBytes(space, bigEndian: true, out _);
        var input = space.Concat(Encoding.UTF8.GetBytes(name)).ToArray();
        var hash = SHA1.HashData(input);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString();
    }
}
