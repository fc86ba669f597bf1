/**
 * SMB 2/3 cryptography (MS-SMB2 3.1.4): the SP800-108 key derivation, session key derivation per dialect,
 * message signing (HMAC-SHA256, AES-128-CMAC, AES-128-GMAC), the SMB2 TRANSFORM_HEADER encryption
 * (AES-128/256-CCM/GCM) and the SMB 3.1.1 pre-authentication integrity hash.
 *
 * <p>This package imports nothing else from Bossa. It uses only the JCE: HMAC-SHA256 and SHA-512 directly, and
 * AES-CMAC, AES-GMAC, AES-CCM and AES-GCM built on the JCE's AES/CBC, AES/CTR and AES/GCM, fed in chunks so that
 * HotSpot's AES-NI/VAES and carry-less-multiply intrinsics do the work (see {@code AesModes}). Bouncy Castle
 * serves only as the reference implementation in the tests.
 *
 * <p>Thread safety: {@link org.bossa.smb2.crypto.MessageSigner} and {@link org.bossa.smb2.crypto.TransformCodec}
 * instances are safe for concurrent use by any number of (virtual) threads. Each keeps a small lock-free pool
 * of initialised MAC/cipher engines, so the per-request path neither allocates an engine nor blocks nor pins a
 * carrier thread. All static methods are thread-safe.
 */
package org.bossa.smb2.crypto;
