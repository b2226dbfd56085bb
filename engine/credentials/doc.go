// Package credentials makes the credentials Credence awards verifiable by
// anyone without asking it: W3C Verifiable Credentials signed with the
// issuer's Ed25519 key.
//
// This file set holds the Data Integrity cryptosuite eddsa-jcs-2022
// (https://www.w3.org/TR/vc-di-eddsa/#eddsa-jcs-2022): the document and
// the proof options are canonicalised by RFC 8785 (JSON Canonicalization
// Scheme), each hashed with SHA-256, and the two hashes (options first)
// signed with Ed25519; keys are written as Multikey (multibase base58btc
// with the Ed25519 multicodec prefixes), as did:key names them.
package credentials
