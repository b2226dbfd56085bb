// Generated from Credence's OpenAPI document by types.mjs: do not edit.

export interface paths {
    "/api/_events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Listen to the writes you may see
         * @description Server-Sent Events (use the browser's EventSource) of the writes the caller may read, each decided as a read of that revision would be: documents it may not read are never announced, private fields never sent. An event's id resumes the stream: reconnecting with Last-Event-ID (EventSource does it) sends what was missed, within an hour; a client further behind, or one that falls 4 MiB behind while connected, gets a resync event and reads afresh. On several nodes an event may come twice after a reconnection: its collection, id and rev tell. At most 8 streams per caller (429).
         */
        get: operations["streamEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/_events/ticket": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get a ticket to open an event stream
         * @description A browser's EventSource cannot send an Authorization header: ask for a ticket with it, then open GET /api/_events?ticket=... The ticket stands for the caller for a minute, and for opening a stream only.
         */
        post: operations["eventTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/_messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List _messages
         * @description Lists the documents of _messages the caller may see, a page at a time, filtered and sorted; with fields=, each item holds only the fields asked for.
         *
         *     Messages: One document per message, webhook call or failed action: its status (queued, sent, delivered, opened, failed), attempts and errors. Recipients read their own.
         */
        get: operations["listMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/_messages/_aggregate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Count and measure documents of _messages by group and time bucket
         * @description Groups the documents of _messages the caller may list (and the filter keeps) by fields and a time bucket, with metrics over each group, in one streamed read. A private field cannot be grouped by or measured; a bad parameter is a 400 naming it and the position of the culprit.
         *
         *     Messages: One document per message, webhook call or failed action: its status (queued, sent, delivered, opened, failed), attempts and errors. Recipients read their own.
         */
        get: operations["aggregateMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/_messages/_aggregate.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The aggregate of _messages as CSV
         * @description What GET /api/_messages/_aggregate answers, as CSV for a spreadsheet: a column per group field, the bucket, then a column per metric. A cell that a spreadsheet would run as a formula (=, +, -, @) starts with an apostrophe.
         *
         *     Messages: One document per message, webhook call or failed action: its status (queued, sent, delivered, opened, failed), attempts and errors. Recipients read their own.
         */
        get: operations["aggregateMessagesCSV"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/_messages/_itemAnalysis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Item analysis of scored responses of _messages
         * @description Classical test theory over the responses of _messages the caller may list: each item's difficulty, corrected point-biserial, option proportions and flags, and the test's distribution, alpha (KR-20), SEM and pass rate. Reads an array of item results (items) and a boolean pass (passed).
         *
         *     Messages: One document per message, webhook call or failed action: its status (queued, sent, delivered, opened, failed), attempts and errors. Recipients read their own.
         */
        get: operations["analyzeMessageItems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/_messages/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * Read a document of _messages
         * @description Reads one document of _messages, with its references expanded on request; a document the caller may not see is a 404.
         *
         *     Messages: One document per message, webhook call or failed action: its status (queued, sent, delivered, opened, failed), attempts and errors. Recipients read their own.
         */
        get: operations["getMessage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/_messages/{id}/referrers": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * List the documents that refer to a document of _messages (x-ref)
         * @description Lists the documents whose references (x-ref) name this one, by collection, id and field.
         *
         *     Messages: One document per message, webhook call or failed action: its status (queued, sent, delivered, opened, failed), attempts and errors. Recipients read their own.
         */
        get: operations["listMessageReferrers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/_messages/{id}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * List the revisions of a document of _messages, newest first
         * @description Lists every revision the document has had, newest first.
         *
         *     Messages: One document per message, webhook call or failed action: its status (queued, sent, delivered, opened, failed), attempts and errors. Recipients read their own.
         */
        get: operations["listMessageRevisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/_messages/{id}/revisions/{rev}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
                /** @description The revision number, from 1. */
                rev: components["parameters"]["rev"];
            };
            cookie?: never;
        };
        /**
         * Read a document of _messages as it was at a revision
         * @description Reads the document as it was written at one revision.
         *
         *     Messages: One document per message, webhook call or failed action: its status (queued, sent, delivered, opened, failed), attempts and errors. Recipients read their own.
         */
        get: operations["getMessageRevision"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/activities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List activities
         * @description Lists the documents of activities the caller may see, a page at a time, filtered and sorted; with fields=, each item holds only the fields asked for.
         *
         *     CE activities: Continuing education: submitted by the learner, approved, rejected or returned for more information by staff.
         */
        get: operations["listActivities"];
        put?: never;
        /**
         * Create a document of activities
         * @description Creates a document of activities with the id given, or a generated one; the server fills in defaults and formulas.
         *
         *     CE activities: Continuing education: submitted by the learner, approved, rejected or returned for more information by staff.
         */
        post: operations["createActivity"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/activities/_aggregate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Count and measure documents of activities by group and time bucket
         * @description Groups the documents of activities the caller may list (and the filter keeps) by fields and a time bucket, with metrics over each group, in one streamed read. A private field cannot be grouped by or measured; a bad parameter is a 400 naming it and the position of the culprit.
         *
         *     CE activities: Continuing education: submitted by the learner, approved, rejected or returned for more information by staff.
         */
        get: operations["aggregateActivities"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/activities/_aggregate.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The aggregate of activities as CSV
         * @description What GET /api/activities/_aggregate answers, as CSV for a spreadsheet: a column per group field, the bucket, then a column per metric. A cell that a spreadsheet would run as a formula (=, +, -, @) starts with an apostrophe.
         *
         *     CE activities: Continuing education: submitted by the learner, approved, rejected or returned for more information by staff.
         */
        get: operations["aggregateActivitiesCSV"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/activities/_itemAnalysis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Item analysis of scored responses of activities
         * @description Classical test theory over the responses of activities the caller may list: each item's difficulty, corrected point-biserial, option proportions and flags, and the test's distribution, alpha (KR-20), SEM and pass rate. Reads an array of item results (items) and a boolean pass (passed).
         *
         *     CE activities: Continuing education: submitted by the learner, approved, rejected or returned for more information by staff.
         */
        get: operations["analyzeActivityItems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/activities/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * Read a document of activities
         * @description Reads one document of activities, with its references expanded on request; a document the caller may not see is a 404.
         *
         *     CE activities: Continuing education: submitted by the learner, approved, rejected or returned for more information by staff.
         */
        get: operations["getActivity"];
        /**
         * Replace a document of activities, or create it with this id
         * @description Replaces the whole document (fields left out are removed), or creates it with this id; If-None-Match: * creates only.
         *
         *     CE activities: Continuing education: submitted by the learner, approved, rejected or returned for more information by staff.
         */
        put: operations["replaceActivity"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change fields of a document of activities with a JSON Merge Patch
         * @description Changes the fields given and keeps the others (RFC 7396); null removes a field.
         *
         *     CE activities: Continuing education: submitted by the learner, approved, rejected or returned for more information by staff.
         */
        patch: operations["patchActivity"];
        trace?: never;
    };
    "/api/activities/{id}/files/evidenceFile": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * Download the file of evidenceFile of a document of activities
         * @description The file the field names, to a caller who may read the document: ETag (its SHA-256), Range, nosniff.
         *
         *     CE activities: Continuing education: submitted by the learner, approved, rejected or returned for more information by staff.
         */
        get: operations["downloadActivityEvidenceFile"];
        put?: never;
        /**
         * Upload the file of evidenceFile of a document of activities
         * @description Streams the part file into the store, refused past the field's size (413) or when its bytes are not of the field's types (422); then sets the field to the file's reference, as a merge patch by the caller.
         *
         *     CE activities: Continuing education: submitted by the learner, approved, rejected or returned for more information by staff.
         */
        post: operations["uploadActivityEvidenceFile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/activities/{id}/files/evidenceFile/url": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * A short-lived address of the file of evidenceFile of a document of activities
         * @description For an <img> or a link: an address of the file that works without a key for a few minutes, to a caller who may read the document.
         *
         *     CE activities: Continuing education: submitted by the learner, approved, rejected or returned for more information by staff.
         */
        get: operations["signedActivityEvidenceFileURL"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/activities/{id}/referrers": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * List the documents that refer to a document of activities (x-ref)
         * @description Lists the documents whose references (x-ref) name this one, by collection, id and field.
         *
         *     CE activities: Continuing education: submitted by the learner, approved, rejected or returned for more information by staff.
         */
        get: operations["listActivityReferrers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/activities/{id}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * List the revisions of a document of activities, newest first
         * @description Lists every revision the document has had, newest first.
         *
         *     CE activities: Continuing education: submitted by the learner, approved, rejected or returned for more information by staff.
         */
        get: operations["listActivityRevisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/activities/{id}/revisions/{rev}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
                /** @description The revision number, from 1. */
                rev: components["parameters"]["rev"];
            };
            cookie?: never;
        };
        /**
         * Read a document of activities as it was at a revision
         * @description Reads the document as it was written at one revision.
         *
         *     CE activities: Continuing education: submitted by the learner, approved, rejected or returned for more information by staff.
         */
        get: operations["getActivityRevision"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List applications
         * @description Lists the documents of applications the caller may see, a page at a time, filtered and sorted; with fields=, each item holds only the fields asked for.
         *
         *     Applications: An application for a certification or its renewal, with a deadline that reminders count down to.
         */
        get: operations["listApplications"];
        put?: never;
        /**
         * Create a document of applications
         * @description Creates a document of applications with the id given, or a generated one; the server fills in defaults and formulas.
         *
         *     Applications: An application for a certification or its renewal, with a deadline that reminders count down to.
         */
        post: operations["createApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/_aggregate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Count and measure documents of applications by group and time bucket
         * @description Groups the documents of applications the caller may list (and the filter keeps) by fields and a time bucket, with metrics over each group, in one streamed read. A private field cannot be grouped by or measured; a bad parameter is a 400 naming it and the position of the culprit.
         *
         *     Applications: An application for a certification or its renewal, with a deadline that reminders count down to.
         */
        get: operations["aggregateApplications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/_aggregate.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The aggregate of applications as CSV
         * @description What GET /api/applications/_aggregate answers, as CSV for a spreadsheet: a column per group field, the bucket, then a column per metric. A cell that a spreadsheet would run as a formula (=, +, -, @) starts with an apostrophe.
         *
         *     Applications: An application for a certification or its renewal, with a deadline that reminders count down to.
         */
        get: operations["aggregateApplicationsCSV"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/_itemAnalysis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Item analysis of scored responses of applications
         * @description Classical test theory over the responses of applications the caller may list: each item's difficulty, corrected point-biserial, option proportions and flags, and the test's distribution, alpha (KR-20), SEM and pass rate. Reads an array of item results (items) and a boolean pass (passed).
         *
         *     Applications: An application for a certification or its renewal, with a deadline that reminders count down to.
         */
        get: operations["analyzeApplicationItems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * Read a document of applications
         * @description Reads one document of applications, with its references expanded on request; a document the caller may not see is a 404.
         *
         *     Applications: An application for a certification or its renewal, with a deadline that reminders count down to.
         */
        get: operations["getApplication"];
        /**
         * Replace a document of applications, or create it with this id
         * @description Replaces the whole document (fields left out are removed), or creates it with this id; If-None-Match: * creates only.
         *
         *     Applications: An application for a certification or its renewal, with a deadline that reminders count down to.
         */
        put: operations["replaceApplication"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change fields of a document of applications with a JSON Merge Patch
         * @description Changes the fields given and keeps the others (RFC 7396); null removes a field.
         *
         *     Applications: An application for a certification or its renewal, with a deadline that reminders count down to.
         */
        patch: operations["patchApplication"];
        trace?: never;
    };
    "/api/applications/{id}/referrers": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * List the documents that refer to a document of applications (x-ref)
         * @description Lists the documents whose references (x-ref) name this one, by collection, id and field.
         *
         *     Applications: An application for a certification or its renewal, with a deadline that reminders count down to.
         */
        get: operations["listApplicationReferrers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/{id}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * List the revisions of a document of applications, newest first
         * @description Lists every revision the document has had, newest first.
         *
         *     Applications: An application for a certification or its renewal, with a deadline that reminders count down to.
         */
        get: operations["listApplicationRevisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/{id}/revisions/{rev}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
                /** @description The revision number, from 1. */
                rev: components["parameters"]["rev"];
            };
            cookie?: never;
        };
        /**
         * Read a document of applications as it was at a revision
         * @description Reads the document as it was written at one revision.
         *
         *     Applications: An application for a certification or its renewal, with a deadline that reminders count down to.
         */
        get: operations["getApplicationRevision"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assessments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List assessments
         * @description Lists the documents of assessments the caller may see, a page at a time, filtered and sorted; with fields=, each item holds only the fields asked for.
         *
         *     Assessments: Weighted assessment components of a certification (written, practical, case study), scored by assessors.
         */
        get: operations["listAssessments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assessments/_aggregate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Count and measure documents of assessments by group and time bucket
         * @description Groups the documents of assessments the caller may list (and the filter keeps) by fields and a time bucket, with metrics over each group, in one streamed read. A private field cannot be grouped by or measured; a bad parameter is a 400 naming it and the position of the culprit.
         *
         *     Assessments: Weighted assessment components of a certification (written, practical, case study), scored by assessors.
         */
        get: operations["aggregateAssessments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assessments/_aggregate.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The aggregate of assessments as CSV
         * @description What GET /api/assessments/_aggregate answers, as CSV for a spreadsheet: a column per group field, the bucket, then a column per metric. A cell that a spreadsheet would run as a formula (=, +, -, @) starts with an apostrophe.
         *
         *     Assessments: Weighted assessment components of a certification (written, practical, case study), scored by assessors.
         */
        get: operations["aggregateAssessmentsCSV"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assessments/_itemAnalysis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Item analysis of scored responses of assessments
         * @description Classical test theory over the responses of assessments the caller may list: each item's difficulty, corrected point-biserial, option proportions and flags, and the test's distribution, alpha (KR-20), SEM and pass rate. Reads an array of item results (items) and a boolean pass (passed).
         *
         *     Assessments: Weighted assessment components of a certification (written, practical, case study), scored by assessors.
         */
        get: operations["analyzeAssessmentItems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assessments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * Read a document of assessments
         * @description Reads one document of assessments, with its references expanded on request; a document the caller may not see is a 404.
         *
         *     Assessments: Weighted assessment components of a certification (written, practical, case study), scored by assessors.
         */
        get: operations["getAssessment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assessments/{id}/referrers": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * List the documents that refer to a document of assessments (x-ref)
         * @description Lists the documents whose references (x-ref) name this one, by collection, id and field.
         *
         *     Assessments: Weighted assessment components of a certification (written, practical, case study), scored by assessors.
         */
        get: operations["listAssessmentReferrers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assessments/{id}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * List the revisions of a document of assessments, newest first
         * @description Lists every revision the document has had, newest first.
         *
         *     Assessments: Weighted assessment components of a certification (written, practical, case study), scored by assessors.
         */
        get: operations["listAssessmentRevisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assessments/{id}/revisions/{rev}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
                /** @description The revision number, from 1. */
                rev: components["parameters"]["rev"];
            };
            cookie?: never;
        };
        /**
         * Read a document of assessments as it was at a revision
         * @description Reads the document as it was written at one revision.
         *
         *     Assessments: Weighted assessment components of a certification (written, practical, case study), scored by assessors.
         */
        get: operations["getAssessmentRevision"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/attempts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List attempts
         * @description Lists the documents of attempts the caller may see, a page at a time, filtered and sorted; with fields=, each item holds only the fields asked for.
         *
         *     Exam attempts: An attempt draws its questions on the server when it is created; the learner sends answers once; score and pass are computed.
         */
        get: operations["listAttempts"];
        put?: never;
        /**
         * Create a document of attempts
         * @description Creates a document of attempts with the id given, or a generated one; the server fills in defaults and formulas.
         *
         *     Exam attempts: An attempt draws its questions on the server when it is created; the learner sends answers once; score and pass are computed.
         */
        post: operations["createAttempt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/attempts/_aggregate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Count and measure documents of attempts by group and time bucket
         * @description Groups the documents of attempts the caller may list (and the filter keeps) by fields and a time bucket, with metrics over each group, in one streamed read. A private field cannot be grouped by or measured; a bad parameter is a 400 naming it and the position of the culprit.
         *
         *     Exam attempts: An attempt draws its questions on the server when it is created; the learner sends answers once; score and pass are computed.
         */
        get: operations["aggregateAttempts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/attempts/_aggregate.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The aggregate of attempts as CSV
         * @description What GET /api/attempts/_aggregate answers, as CSV for a spreadsheet: a column per group field, the bucket, then a column per metric. A cell that a spreadsheet would run as a formula (=, +, -, @) starts with an apostrophe.
         *
         *     Exam attempts: An attempt draws its questions on the server when it is created; the learner sends answers once; score and pass are computed.
         */
        get: operations["aggregateAttemptsCSV"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/attempts/_itemAnalysis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Item analysis of scored responses of attempts
         * @description Classical test theory over the responses of attempts the caller may list: each item's difficulty, corrected point-biserial, option proportions and flags, and the test's distribution, alpha (KR-20), SEM and pass rate. Reads an array of item results (items) and a boolean pass (passed).
         *
         *     Exam attempts: An attempt draws its questions on the server when it is created; the learner sends answers once; score and pass are computed.
         */
        get: operations["analyzeAttemptItems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/attempts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * Read a document of attempts
         * @description Reads one document of attempts, with its references expanded on request; a document the caller may not see is a 404.
         *
         *     Exam attempts: An attempt draws its questions on the server when it is created; the learner sends answers once; score and pass are computed.
         */
        get: operations["getAttempt"];
        /**
         * Replace a document of attempts, or create it with this id
         * @description Replaces the whole document (fields left out are removed), or creates it with this id; If-None-Match: * creates only.
         *
         *     Exam attempts: An attempt draws its questions on the server when it is created; the learner sends answers once; score and pass are computed.
         */
        put: operations["replaceAttempt"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change fields of a document of attempts with a JSON Merge Patch
         * @description Changes the fields given and keeps the others (RFC 7396); null removes a field.
         *
         *     Exam attempts: An attempt draws its questions on the server when it is created; the learner sends answers once; score and pass are computed.
         */
        patch: operations["patchAttempt"];
        trace?: never;
    };
    "/api/attempts/{id}/referrers": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * List the documents that refer to a document of attempts (x-ref)
         * @description Lists the documents whose references (x-ref) name this one, by collection, id and field.
         *
         *     Exam attempts: An attempt draws its questions on the server when it is created; the learner sends answers once; score and pass are computed.
         */
        get: operations["listAttemptReferrers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/attempts/{id}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * List the revisions of a document of attempts, newest first
         * @description Lists every revision the document has had, newest first.
         *
         *     Exam attempts: An attempt draws its questions on the server when it is created; the learner sends answers once; score and pass are computed.
         */
        get: operations["listAttemptRevisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/attempts/{id}/revisions/{rev}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
                /** @description The revision number, from 1. */
                rev: components["parameters"]["rev"];
            };
            cookie?: never;
        };
        /**
         * Read a document of attempts as it was at a revision
         * @description Reads the document as it was written at one revision.
         *
         *     Exam attempts: An attempt draws its questions on the server when it is created; the learner sends answers once; score and pass are computed.
         */
        get: operations["getAttemptRevision"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/certifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List certifications
         * @description Lists the documents of certifications the caller may see, a page at a time, filtered and sorted; with fields=, each item holds only the fields asked for.
         *
         *     Certifications
         */
        get: operations["listCertifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/certifications/_aggregate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Count and measure documents of certifications by group and time bucket
         * @description Groups the documents of certifications the caller may list (and the filter keeps) by fields and a time bucket, with metrics over each group, in one streamed read. A private field cannot be grouped by or measured; a bad parameter is a 400 naming it and the position of the culprit.
         *
         *     Certifications
         */
        get: operations["aggregateCertifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/certifications/_aggregate.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The aggregate of certifications as CSV
         * @description What GET /api/certifications/_aggregate answers, as CSV for a spreadsheet: a column per group field, the bucket, then a column per metric. A cell that a spreadsheet would run as a formula (=, +, -, @) starts with an apostrophe.
         *
         *     Certifications
         */
        get: operations["aggregateCertificationsCSV"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/certifications/_itemAnalysis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Item analysis of scored responses of certifications
         * @description Classical test theory over the responses of certifications the caller may list: each item's difficulty, corrected point-biserial, option proportions and flags, and the test's distribution, alpha (KR-20), SEM and pass rate. Reads an array of item results (items) and a boolean pass (passed).
         *
         *     Certifications
         */
        get: operations["analyzeCertificationItems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/certifications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * Read a document of certifications
         * @description Reads one document of certifications, with its references expanded on request; a document the caller may not see is a 404.
         *
         *     Certifications
         */
        get: operations["getCertification"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/certifications/{id}/referrers": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * List the documents that refer to a document of certifications (x-ref)
         * @description Lists the documents whose references (x-ref) name this one, by collection, id and field.
         *
         *     Certifications
         */
        get: operations["listCertificationReferrers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/certifications/{id}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * List the revisions of a document of certifications, newest first
         * @description Lists every revision the document has had, newest first.
         *
         *     Certifications
         */
        get: operations["listCertificationRevisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/certifications/{id}/revisions/{rev}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
                /** @description The revision number, from 1. */
                rev: components["parameters"]["rev"];
            };
            cookie?: never;
        };
        /**
         * Read a document of certifications as it was at a revision
         * @description Reads the document as it was written at one revision.
         *
         *     Certifications
         */
        get: operations["getCertificationRevision"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ceu_sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List ceu_sources
         * @description Lists the documents of ceu_sources the caller may see, a page at a time, filtered and sorted; with fields=, each item holds only the fields asked for.
         *
         *     CEU sources
         */
        get: operations["listCeuSources"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ceu_sources/_aggregate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Count and measure documents of ceu_sources by group and time bucket
         * @description Groups the documents of ceu_sources the caller may list (and the filter keeps) by fields and a time bucket, with metrics over each group, in one streamed read. A private field cannot be grouped by or measured; a bad parameter is a 400 naming it and the position of the culprit.
         *
         *     CEU sources
         */
        get: operations["aggregateCeuSources"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ceu_sources/_aggregate.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The aggregate of ceu_sources as CSV
         * @description What GET /api/ceu_sources/_aggregate answers, as CSV for a spreadsheet: a column per group field, the bucket, then a column per metric. A cell that a spreadsheet would run as a formula (=, +, -, @) starts with an apostrophe.
         *
         *     CEU sources
         */
        get: operations["aggregateCeuSourcesCSV"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ceu_sources/_itemAnalysis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Item analysis of scored responses of ceu_sources
         * @description Classical test theory over the responses of ceu_sources the caller may list: each item's difficulty, corrected point-biserial, option proportions and flags, and the test's distribution, alpha (KR-20), SEM and pass rate. Reads an array of item results (items) and a boolean pass (passed).
         *
         *     CEU sources
         */
        get: operations["analyzeCeuSourceItems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ceu_sources/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * Read a document of ceu_sources
         * @description Reads one document of ceu_sources, with its references expanded on request; a document the caller may not see is a 404.
         *
         *     CEU sources
         */
        get: operations["getCeuSource"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ceu_sources/{id}/referrers": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * List the documents that refer to a document of ceu_sources (x-ref)
         * @description Lists the documents whose references (x-ref) name this one, by collection, id and field.
         *
         *     CEU sources
         */
        get: operations["listCeuSourceReferrers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ceu_sources/{id}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * List the revisions of a document of ceu_sources, newest first
         * @description Lists every revision the document has had, newest first.
         *
         *     CEU sources
         */
        get: operations["listCeuSourceRevisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ceu_sources/{id}/revisions/{rev}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
                /** @description The revision number, from 1. */
                rev: components["parameters"]["rev"];
            };
            cookie?: never;
        };
        /**
         * Read a document of ceu_sources as it was at a revision
         * @description Reads the document as it was written at one revision.
         *
         *     CEU sources
         */
        get: operations["getCeuSourceRevision"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/completions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List completions
         * @description Lists the documents of completions the caller may see, a page at a time, filtered and sorted; with fields=, each item holds only the fields asked for.
         *
         *     Course completions
         */
        get: operations["listCompletions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/completions/_aggregate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Count and measure documents of completions by group and time bucket
         * @description Groups the documents of completions the caller may list (and the filter keeps) by fields and a time bucket, with metrics over each group, in one streamed read. A private field cannot be grouped by or measured; a bad parameter is a 400 naming it and the position of the culprit.
         *
         *     Course completions
         */
        get: operations["aggregateCompletions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/completions/_aggregate.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The aggregate of completions as CSV
         * @description What GET /api/completions/_aggregate answers, as CSV for a spreadsheet: a column per group field, the bucket, then a column per metric. A cell that a spreadsheet would run as a formula (=, +, -, @) starts with an apostrophe.
         *
         *     Course completions
         */
        get: operations["aggregateCompletionsCSV"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/completions/_itemAnalysis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Item analysis of scored responses of completions
         * @description Classical test theory over the responses of completions the caller may list: each item's difficulty, corrected point-biserial, option proportions and flags, and the test's distribution, alpha (KR-20), SEM and pass rate. Reads an array of item results (items) and a boolean pass (passed).
         *
         *     Course completions
         */
        get: operations["analyzeCompletionItems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/completions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * Read a document of completions
         * @description Reads one document of completions, with its references expanded on request; a document the caller may not see is a 404.
         *
         *     Course completions
         */
        get: operations["getCompletion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/completions/{id}/referrers": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * List the documents that refer to a document of completions (x-ref)
         * @description Lists the documents whose references (x-ref) name this one, by collection, id and field.
         *
         *     Course completions
         */
        get: operations["listCompletionReferrers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/completions/{id}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * List the revisions of a document of completions, newest first
         * @description Lists every revision the document has had, newest first.
         *
         *     Course completions
         */
        get: operations["listCompletionRevisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/completions/{id}/revisions/{rev}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
                /** @description The revision number, from 1. */
                rev: components["parameters"]["rev"];
            };
            cookie?: never;
        };
        /**
         * Read a document of completions as it was at a revision
         * @description Reads the document as it was written at one revision.
         *
         *     Course completions
         */
        get: operations["getCompletionRevision"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/courses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List courses
         * @description Lists the documents of courses the caller may see, a page at a time, filtered and sorted; with fields=, each item holds only the fields asked for.
         *
         *     Courses
         */
        get: operations["listCourses"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/courses/_aggregate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Count and measure documents of courses by group and time bucket
         * @description Groups the documents of courses the caller may list (and the filter keeps) by fields and a time bucket, with metrics over each group, in one streamed read. A private field cannot be grouped by or measured; a bad parameter is a 400 naming it and the position of the culprit.
         *
         *     Courses
         */
        get: operations["aggregateCourses"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/courses/_aggregate.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The aggregate of courses as CSV
         * @description What GET /api/courses/_aggregate answers, as CSV for a spreadsheet: a column per group field, the bucket, then a column per metric. A cell that a spreadsheet would run as a formula (=, +, -, @) starts with an apostrophe.
         *
         *     Courses
         */
        get: operations["aggregateCoursesCSV"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/courses/_itemAnalysis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Item analysis of scored responses of courses
         * @description Classical test theory over the responses of courses the caller may list: each item's difficulty, corrected point-biserial, option proportions and flags, and the test's distribution, alpha (KR-20), SEM and pass rate. Reads an array of item results (items) and a boolean pass (passed).
         *
         *     Courses
         */
        get: operations["analyzeCourseItems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/courses/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * Read a document of courses
         * @description Reads one document of courses, with its references expanded on request; a document the caller may not see is a 404.
         *
         *     Courses
         */
        get: operations["getCourse"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/courses/{id}/referrers": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * List the documents that refer to a document of courses (x-ref)
         * @description Lists the documents whose references (x-ref) name this one, by collection, id and field.
         *
         *     Courses
         */
        get: operations["listCourseReferrers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/courses/{id}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * List the revisions of a document of courses, newest first
         * @description Lists every revision the document has had, newest first.
         *
         *     Courses
         */
        get: operations["listCourseRevisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/courses/{id}/revisions/{rev}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
                /** @description The revision number, from 1. */
                rev: components["parameters"]["rev"];
            };
            cookie?: never;
        };
        /**
         * Read a document of courses as it was at a revision
         * @description Reads the document as it was written at one revision.
         *
         *     Courses
         */
        get: operations["getCourseRevision"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List credentials
         * @description Lists the documents of credentials the caller may see, a page at a time, filtered and sorted; with fields=, each item holds only the fields asked for.
         *
         *     Credentials: One period of a certification held by one person: awarded by an exam, courses, an assessment or by hand, renewed by CEUs or a maintenance course into the credential of the next period, lapsed when it expires unrenewed. Each change of status is in its history.
         */
        get: operations["listCredentials"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/credentials/_aggregate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Count and measure documents of credentials by group and time bucket
         * @description Groups the documents of credentials the caller may list (and the filter keeps) by fields and a time bucket, with metrics over each group, in one streamed read. A private field cannot be grouped by or measured; a bad parameter is a 400 naming it and the position of the culprit.
         *
         *     Credentials: One period of a certification held by one person: awarded by an exam, courses, an assessment or by hand, renewed by CEUs or a maintenance course into the credential of the next period, lapsed when it expires unrenewed. Each change of status is in its history.
         */
        get: operations["aggregateCredentials"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/credentials/_aggregate.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The aggregate of credentials as CSV
         * @description What GET /api/credentials/_aggregate answers, as CSV for a spreadsheet: a column per group field, the bucket, then a column per metric. A cell that a spreadsheet would run as a formula (=, +, -, @) starts with an apostrophe.
         *
         *     Credentials: One period of a certification held by one person: awarded by an exam, courses, an assessment or by hand, renewed by CEUs or a maintenance course into the credential of the next period, lapsed when it expires unrenewed. Each change of status is in its history.
         */
        get: operations["aggregateCredentialsCSV"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/credentials/_itemAnalysis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Item analysis of scored responses of credentials
         * @description Classical test theory over the responses of credentials the caller may list: each item's difficulty, corrected point-biserial, option proportions and flags, and the test's distribution, alpha (KR-20), SEM and pass rate. Reads an array of item results (items) and a boolean pass (passed).
         *
         *     Credentials: One period of a certification held by one person: awarded by an exam, courses, an assessment or by hand, renewed by CEUs or a maintenance course into the credential of the next period, lapsed when it expires unrenewed. Each change of status is in its history.
         */
        get: operations["analyzeCredentialItems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/credentials/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * Read a document of credentials
         * @description Reads one document of credentials, with its references expanded on request; a document the caller may not see is a 404.
         *
         *     Credentials: One period of a certification held by one person: awarded by an exam, courses, an assessment or by hand, renewed by CEUs or a maintenance course into the credential of the next period, lapsed when it expires unrenewed. Each change of status is in its history.
         */
        get: operations["getCredential"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/credentials/{id}/referrers": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * List the documents that refer to a document of credentials (x-ref)
         * @description Lists the documents whose references (x-ref) name this one, by collection, id and field.
         *
         *     Credentials: One period of a certification held by one person: awarded by an exam, courses, an assessment or by hand, renewed by CEUs or a maintenance course into the credential of the next period, lapsed when it expires unrenewed. Each change of status is in its history.
         */
        get: operations["listCredentialReferrers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/credentials/{id}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * List the revisions of a document of credentials, newest first
         * @description Lists every revision the document has had, newest first.
         *
         *     Credentials: One period of a certification held by one person: awarded by an exam, courses, an assessment or by hand, renewed by CEUs or a maintenance course into the credential of the next period, lapsed when it expires unrenewed. Each change of status is in its history.
         */
        get: operations["listCredentialRevisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/credentials/{id}/revisions/{rev}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
                /** @description The revision number, from 1. */
                rev: components["parameters"]["rev"];
            };
            cookie?: never;
        };
        /**
         * Read a document of credentials as it was at a revision
         * @description Reads the document as it was written at one revision.
         *
         *     Credentials: One period of a certification held by one person: awarded by an exam, courses, an assessment or by hand, renewed by CEUs or a maintenance course into the credential of the next period, lapsed when it expires unrenewed. Each change of status is in its history.
         */
        get: operations["getCredentialRevision"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/directory": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List directory
         * @description Lists the documents of directory the caller may see, a page at a time, filtered and sorted; with fields=, each item holds only the fields asked for.
         *
         *     Directory of certified professionals: Opt-in public listing, kept by automations from credentials; holds only what is public.
         */
        get: operations["listDirectory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/directory/_aggregate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Count and measure documents of directory by group and time bucket
         * @description Groups the documents of directory the caller may list (and the filter keeps) by fields and a time bucket, with metrics over each group, in one streamed read. A private field cannot be grouped by or measured; a bad parameter is a 400 naming it and the position of the culprit.
         *
         *     Directory of certified professionals: Opt-in public listing, kept by automations from credentials; holds only what is public.
         */
        get: operations["aggregateDirectory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/directory/_aggregate.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The aggregate of directory as CSV
         * @description What GET /api/directory/_aggregate answers, as CSV for a spreadsheet: a column per group field, the bucket, then a column per metric. A cell that a spreadsheet would run as a formula (=, +, -, @) starts with an apostrophe.
         *
         *     Directory of certified professionals: Opt-in public listing, kept by automations from credentials; holds only what is public.
         */
        get: operations["aggregateDirectoryCSV"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/directory/_itemAnalysis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Item analysis of scored responses of directory
         * @description Classical test theory over the responses of directory the caller may list: each item's difficulty, corrected point-biserial, option proportions and flags, and the test's distribution, alpha (KR-20), SEM and pass rate. Reads an array of item results (items) and a boolean pass (passed).
         *
         *     Directory of certified professionals: Opt-in public listing, kept by automations from credentials; holds only what is public.
         */
        get: operations["analyzeDirectoryItems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/directory/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * Read a document of directory
         * @description Reads one document of directory, with its references expanded on request; a document the caller may not see is a 404.
         *
         *     Directory of certified professionals: Opt-in public listing, kept by automations from credentials; holds only what is public.
         */
        get: operations["getDirectory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/directory/{id}/referrers": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * List the documents that refer to a document of directory (x-ref)
         * @description Lists the documents whose references (x-ref) name this one, by collection, id and field.
         *
         *     Directory of certified professionals: Opt-in public listing, kept by automations from credentials; holds only what is public.
         */
        get: operations["listDirectoryReferrers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/directory/{id}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * List the revisions of a document of directory, newest first
         * @description Lists every revision the document has had, newest first.
         *
         *     Directory of certified professionals: Opt-in public listing, kept by automations from credentials; holds only what is public.
         */
        get: operations["listDirectoryRevisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/directory/{id}/revisions/{rev}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
                /** @description The revision number, from 1. */
                rev: components["parameters"]["rev"];
            };
            cookie?: never;
        };
        /**
         * Read a document of directory as it was at a revision
         * @description Reads the document as it was written at one revision.
         *
         *     Directory of certified professionals: Opt-in public listing, kept by automations from credentials; holds only what is public.
         */
        get: operations["getDirectoryRevision"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/exams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List exams
         * @description Lists the documents of exams the caller may see, a page at a time, filtered and sorted; with fields=, each item holds only the fields asked for.
         *
         *     Exams
         */
        get: operations["listExams"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/exams/_aggregate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Count and measure documents of exams by group and time bucket
         * @description Groups the documents of exams the caller may list (and the filter keeps) by fields and a time bucket, with metrics over each group, in one streamed read. A private field cannot be grouped by or measured; a bad parameter is a 400 naming it and the position of the culprit.
         *
         *     Exams
         */
        get: operations["aggregateExams"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/exams/_aggregate.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The aggregate of exams as CSV
         * @description What GET /api/exams/_aggregate answers, as CSV for a spreadsheet: a column per group field, the bucket, then a column per metric. A cell that a spreadsheet would run as a formula (=, +, -, @) starts with an apostrophe.
         *
         *     Exams
         */
        get: operations["aggregateExamsCSV"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/exams/_itemAnalysis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Item analysis of scored responses of exams
         * @description Classical test theory over the responses of exams the caller may list: each item's difficulty, corrected point-biserial, option proportions and flags, and the test's distribution, alpha (KR-20), SEM and pass rate. Reads an array of item results (items) and a boolean pass (passed).
         *
         *     Exams
         */
        get: operations["analyzeExamItems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/exams/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * Read a document of exams
         * @description Reads one document of exams, with its references expanded on request; a document the caller may not see is a 404.
         *
         *     Exams
         */
        get: operations["getExam"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/exams/{id}/referrers": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * List the documents that refer to a document of exams (x-ref)
         * @description Lists the documents whose references (x-ref) name this one, by collection, id and field.
         *
         *     Exams
         */
        get: operations["listExamReferrers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/exams/{id}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * List the revisions of a document of exams, newest first
         * @description Lists every revision the document has had, newest first.
         *
         *     Exams
         */
        get: operations["listExamRevisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/exams/{id}/revisions/{rev}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
                /** @description The revision number, from 1. */
                rev: components["parameters"]["rev"];
            };
            cookie?: never;
        };
        /**
         * Read a document of exams as it was at a revision
         * @description Reads the document as it was written at one revision.
         *
         *     Exams
         */
        get: operations["getExamRevision"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/feedback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List feedback
         * @description Lists the documents of feedback the caller may see, a page at a time, filtered and sorted; with fields=, each item holds only the fields asked for.
         *
         *     NPS feedback
         */
        get: operations["listFeedback"];
        put?: never;
        /**
         * Create a document of feedback
         * @description Creates a document of feedback with the id given, or a generated one; the server fills in defaults and formulas.
         *
         *     NPS feedback
         */
        post: operations["createFeedback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/feedback/_aggregate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Count and measure documents of feedback by group and time bucket
         * @description Groups the documents of feedback the caller may list (and the filter keeps) by fields and a time bucket, with metrics over each group, in one streamed read. A private field cannot be grouped by or measured; a bad parameter is a 400 naming it and the position of the culprit.
         *
         *     NPS feedback
         */
        get: operations["aggregateFeedback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/feedback/_aggregate.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The aggregate of feedback as CSV
         * @description What GET /api/feedback/_aggregate answers, as CSV for a spreadsheet: a column per group field, the bucket, then a column per metric. A cell that a spreadsheet would run as a formula (=, +, -, @) starts with an apostrophe.
         *
         *     NPS feedback
         */
        get: operations["aggregateFeedbackCSV"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/feedback/_itemAnalysis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Item analysis of scored responses of feedback
         * @description Classical test theory over the responses of feedback the caller may list: each item's difficulty, corrected point-biserial, option proportions and flags, and the test's distribution, alpha (KR-20), SEM and pass rate. Reads an array of item results (items) and a boolean pass (passed).
         *
         *     NPS feedback
         */
        get: operations["analyzeFeedbackItems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/feedback/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * Read a document of feedback
         * @description Reads one document of feedback, with its references expanded on request; a document the caller may not see is a 404.
         *
         *     NPS feedback
         */
        get: operations["getFeedback"];
        /**
         * Replace a document of feedback, or create it with this id
         * @description Replaces the whole document (fields left out are removed), or creates it with this id; If-None-Match: * creates only.
         *
         *     NPS feedback
         */
        put: operations["replaceFeedback"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/feedback/{id}/referrers": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * List the documents that refer to a document of feedback (x-ref)
         * @description Lists the documents whose references (x-ref) name this one, by collection, id and field.
         *
         *     NPS feedback
         */
        get: operations["listFeedbackReferrers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/feedback/{id}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * List the revisions of a document of feedback, newest first
         * @description Lists every revision the document has had, newest first.
         *
         *     NPS feedback
         */
        get: operations["listFeedbackRevisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/feedback/{id}/revisions/{rev}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
                /** @description The revision number, from 1. */
                rev: components["parameters"]["rev"];
            };
            cookie?: never;
        };
        /**
         * Read a document of feedback as it was at a revision
         * @description Reads the document as it was written at one revision.
         *
         *     NPS feedback
         */
        get: operations["getFeedbackRevision"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/learners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List learners
         * @description Lists the documents of learners the caller may see, a page at a time, filtered and sorted; with fields=, each item holds only the fields asked for.
         *
         *     Learners
         */
        get: operations["listLearners"];
        put?: never;
        /**
         * Create a document of learners
         * @description Creates a document of learners with the id given, or a generated one; the server fills in defaults and formulas.
         *
         *     Learners
         */
        post: operations["createLearner"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/learners/_aggregate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Count and measure documents of learners by group and time bucket
         * @description Groups the documents of learners the caller may list (and the filter keeps) by fields and a time bucket, with metrics over each group, in one streamed read. A private field cannot be grouped by or measured; a bad parameter is a 400 naming it and the position of the culprit.
         *
         *     Learners
         */
        get: operations["aggregateLearners"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/learners/_aggregate.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The aggregate of learners as CSV
         * @description What GET /api/learners/_aggregate answers, as CSV for a spreadsheet: a column per group field, the bucket, then a column per metric. A cell that a spreadsheet would run as a formula (=, +, -, @) starts with an apostrophe.
         *
         *     Learners
         */
        get: operations["aggregateLearnersCSV"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/learners/_itemAnalysis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Item analysis of scored responses of learners
         * @description Classical test theory over the responses of learners the caller may list: each item's difficulty, corrected point-biserial, option proportions and flags, and the test's distribution, alpha (KR-20), SEM and pass rate. Reads an array of item results (items) and a boolean pass (passed).
         *
         *     Learners
         */
        get: operations["analyzeLearnerItems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/learners/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * Read a document of learners
         * @description Reads one document of learners, with its references expanded on request; a document the caller may not see is a 404.
         *
         *     Learners
         */
        get: operations["getLearner"];
        /**
         * Replace a document of learners, or create it with this id
         * @description Replaces the whole document (fields left out are removed), or creates it with this id; If-None-Match: * creates only.
         *
         *     Learners
         */
        put: operations["replaceLearner"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change fields of a document of learners with a JSON Merge Patch
         * @description Changes the fields given and keeps the others (RFC 7396); null removes a field.
         *
         *     Learners
         */
        patch: operations["patchLearner"];
        trace?: never;
    };
    "/api/learners/{id}/referrers": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * List the documents that refer to a document of learners (x-ref)
         * @description Lists the documents whose references (x-ref) name this one, by collection, id and field.
         *
         *     Learners
         */
        get: operations["listLearnerReferrers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/learners/{id}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * List the revisions of a document of learners, newest first
         * @description Lists every revision the document has had, newest first.
         *
         *     Learners
         */
        get: operations["listLearnerRevisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/learners/{id}/revisions/{rev}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
                /** @description The revision number, from 1. */
                rev: components["parameters"]["rev"];
            };
            cookie?: never;
        };
        /**
         * Read a document of learners as it was at a revision
         * @description Reads the document as it was written at one revision.
         *
         *     Learners
         */
        get: operations["getLearnerRevision"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/levels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List levels
         * @description Lists the documents of levels the caller may see, a page at a time, filtered and sorted; with fields=, each item holds only the fields asked for.
         *
         *     Levels
         */
        get: operations["listLevels"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/levels/_aggregate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Count and measure documents of levels by group and time bucket
         * @description Groups the documents of levels the caller may list (and the filter keeps) by fields and a time bucket, with metrics over each group, in one streamed read. A private field cannot be grouped by or measured; a bad parameter is a 400 naming it and the position of the culprit.
         *
         *     Levels
         */
        get: operations["aggregateLevels"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/levels/_aggregate.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The aggregate of levels as CSV
         * @description What GET /api/levels/_aggregate answers, as CSV for a spreadsheet: a column per group field, the bucket, then a column per metric. A cell that a spreadsheet would run as a formula (=, +, -, @) starts with an apostrophe.
         *
         *     Levels
         */
        get: operations["aggregateLevelsCSV"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/levels/_itemAnalysis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Item analysis of scored responses of levels
         * @description Classical test theory over the responses of levels the caller may list: each item's difficulty, corrected point-biserial, option proportions and flags, and the test's distribution, alpha (KR-20), SEM and pass rate. Reads an array of item results (items) and a boolean pass (passed).
         *
         *     Levels
         */
        get: operations["analyzeLevelItems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/levels/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * Read a document of levels
         * @description Reads one document of levels, with its references expanded on request; a document the caller may not see is a 404.
         *
         *     Levels
         */
        get: operations["getLevel"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/levels/{id}/referrers": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * List the documents that refer to a document of levels (x-ref)
         * @description Lists the documents whose references (x-ref) name this one, by collection, id and field.
         *
         *     Levels
         */
        get: operations["listLevelReferrers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/levels/{id}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * List the revisions of a document of levels, newest first
         * @description Lists every revision the document has had, newest first.
         *
         *     Levels
         */
        get: operations["listLevelRevisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/levels/{id}/revisions/{rev}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
                /** @description The revision number, from 1. */
                rev: components["parameters"]["rev"];
            };
            cookie?: never;
        };
        /**
         * Read a document of levels as it was at a revision
         * @description Reads the document as it was written at one revision.
         *
         *     Levels
         */
        get: operations["getLevelRevision"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/maintenance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List maintenance
         * @description Lists the documents of maintenance the caller may see, a page at a time, filtered and sorted; with fields=, each item holds only the fields asked for.
         *
         *     Maintenance enrolments: Enrolment of a certified person in the current maintenance course, with its deadline.
         */
        get: operations["listMaintenance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/maintenance/_aggregate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Count and measure documents of maintenance by group and time bucket
         * @description Groups the documents of maintenance the caller may list (and the filter keeps) by fields and a time bucket, with metrics over each group, in one streamed read. A private field cannot be grouped by or measured; a bad parameter is a 400 naming it and the position of the culprit.
         *
         *     Maintenance enrolments: Enrolment of a certified person in the current maintenance course, with its deadline.
         */
        get: operations["aggregateMaintenance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/maintenance/_aggregate.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The aggregate of maintenance as CSV
         * @description What GET /api/maintenance/_aggregate answers, as CSV for a spreadsheet: a column per group field, the bucket, then a column per metric. A cell that a spreadsheet would run as a formula (=, +, -, @) starts with an apostrophe.
         *
         *     Maintenance enrolments: Enrolment of a certified person in the current maintenance course, with its deadline.
         */
        get: operations["aggregateMaintenanceCSV"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/maintenance/_itemAnalysis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Item analysis of scored responses of maintenance
         * @description Classical test theory over the responses of maintenance the caller may list: each item's difficulty, corrected point-biserial, option proportions and flags, and the test's distribution, alpha (KR-20), SEM and pass rate. Reads an array of item results (items) and a boolean pass (passed).
         *
         *     Maintenance enrolments: Enrolment of a certified person in the current maintenance course, with its deadline.
         */
        get: operations["analyzeMaintenanceItems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/maintenance/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * Read a document of maintenance
         * @description Reads one document of maintenance, with its references expanded on request; a document the caller may not see is a 404.
         *
         *     Maintenance enrolments: Enrolment of a certified person in the current maintenance course, with its deadline.
         */
        get: operations["getMaintenance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/maintenance/{id}/referrers": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * List the documents that refer to a document of maintenance (x-ref)
         * @description Lists the documents whose references (x-ref) name this one, by collection, id and field.
         *
         *     Maintenance enrolments: Enrolment of a certified person in the current maintenance course, with its deadline.
         */
        get: operations["listMaintenanceReferrers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/maintenance/{id}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * List the revisions of a document of maintenance, newest first
         * @description Lists every revision the document has had, newest first.
         *
         *     Maintenance enrolments: Enrolment of a certified person in the current maintenance course, with its deadline.
         */
        get: operations["listMaintenanceRevisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/maintenance/{id}/revisions/{rev}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
                /** @description The revision number, from 1. */
                rev: components["parameters"]["rev"];
            };
            cookie?: never;
        };
        /**
         * Read a document of maintenance as it was at a revision
         * @description Reads the document as it was written at one revision.
         *
         *     Maintenance enrolments: Enrolment of a certified person in the current maintenance course, with its deadline.
         */
        get: operations["getMaintenanceRevision"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org_credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List org_credentials
         * @description Lists the documents of org_credentials the caller may see, a page at a time, filtered and sorted; with fields=, each item holds only the fields asked for.
         *
         *     Organization credentials: Organization certifications, awarded manually, with start and end dates.
         */
        get: operations["listOrgCredentials"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org_credentials/_aggregate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Count and measure documents of org_credentials by group and time bucket
         * @description Groups the documents of org_credentials the caller may list (and the filter keeps) by fields and a time bucket, with metrics over each group, in one streamed read. A private field cannot be grouped by or measured; a bad parameter is a 400 naming it and the position of the culprit.
         *
         *     Organization credentials: Organization certifications, awarded manually, with start and end dates.
         */
        get: operations["aggregateOrgCredentials"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org_credentials/_aggregate.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The aggregate of org_credentials as CSV
         * @description What GET /api/org_credentials/_aggregate answers, as CSV for a spreadsheet: a column per group field, the bucket, then a column per metric. A cell that a spreadsheet would run as a formula (=, +, -, @) starts with an apostrophe.
         *
         *     Organization credentials: Organization certifications, awarded manually, with start and end dates.
         */
        get: operations["aggregateOrgCredentialsCSV"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org_credentials/_itemAnalysis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Item analysis of scored responses of org_credentials
         * @description Classical test theory over the responses of org_credentials the caller may list: each item's difficulty, corrected point-biserial, option proportions and flags, and the test's distribution, alpha (KR-20), SEM and pass rate. Reads an array of item results (items) and a boolean pass (passed).
         *
         *     Organization credentials: Organization certifications, awarded manually, with start and end dates.
         */
        get: operations["analyzeOrgCredentialItems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org_credentials/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * Read a document of org_credentials
         * @description Reads one document of org_credentials, with its references expanded on request; a document the caller may not see is a 404.
         *
         *     Organization credentials: Organization certifications, awarded manually, with start and end dates.
         */
        get: operations["getOrgCredential"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org_credentials/{id}/referrers": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * List the documents that refer to a document of org_credentials (x-ref)
         * @description Lists the documents whose references (x-ref) name this one, by collection, id and field.
         *
         *     Organization credentials: Organization certifications, awarded manually, with start and end dates.
         */
        get: operations["listOrgCredentialReferrers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org_credentials/{id}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * List the revisions of a document of org_credentials, newest first
         * @description Lists every revision the document has had, newest first.
         *
         *     Organization credentials: Organization certifications, awarded manually, with start and end dates.
         */
        get: operations["listOrgCredentialRevisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org_credentials/{id}/revisions/{rev}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
                /** @description The revision number, from 1. */
                rev: components["parameters"]["rev"];
            };
            cookie?: never;
        };
        /**
         * Read a document of org_credentials as it was at a revision
         * @description Reads the document as it was written at one revision.
         *
         *     Organization credentials: Organization certifications, awarded manually, with start and end dates.
         */
        get: operations["getOrgCredentialRevision"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List organizations
         * @description Lists the documents of organizations the caller may see, a page at a time, filtered and sorted; with fields=, each item holds only the fields asked for.
         *
         *     Organizations
         */
        get: operations["listOrganizations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/organizations/_aggregate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Count and measure documents of organizations by group and time bucket
         * @description Groups the documents of organizations the caller may list (and the filter keeps) by fields and a time bucket, with metrics over each group, in one streamed read. A private field cannot be grouped by or measured; a bad parameter is a 400 naming it and the position of the culprit.
         *
         *     Organizations
         */
        get: operations["aggregateOrganizations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/organizations/_aggregate.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The aggregate of organizations as CSV
         * @description What GET /api/organizations/_aggregate answers, as CSV for a spreadsheet: a column per group field, the bucket, then a column per metric. A cell that a spreadsheet would run as a formula (=, +, -, @) starts with an apostrophe.
         *
         *     Organizations
         */
        get: operations["aggregateOrganizationsCSV"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/organizations/_itemAnalysis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Item analysis of scored responses of organizations
         * @description Classical test theory over the responses of organizations the caller may list: each item's difficulty, corrected point-biserial, option proportions and flags, and the test's distribution, alpha (KR-20), SEM and pass rate. Reads an array of item results (items) and a boolean pass (passed).
         *
         *     Organizations
         */
        get: operations["analyzeOrganizationItems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/organizations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * Read a document of organizations
         * @description Reads one document of organizations, with its references expanded on request; a document the caller may not see is a 404.
         *
         *     Organizations
         */
        get: operations["getOrganization"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/organizations/{id}/referrers": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * List the documents that refer to a document of organizations (x-ref)
         * @description Lists the documents whose references (x-ref) name this one, by collection, id and field.
         *
         *     Organizations
         */
        get: operations["listOrganizationReferrers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/organizations/{id}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * List the revisions of a document of organizations, newest first
         * @description Lists every revision the document has had, newest first.
         *
         *     Organizations
         */
        get: operations["listOrganizationRevisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/organizations/{id}/revisions/{rev}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
                /** @description The revision number, from 1. */
                rev: components["parameters"]["rev"];
            };
            cookie?: never;
        };
        /**
         * Read a document of organizations as it was at a revision
         * @description Reads the document as it was written at one revision.
         *
         *     Organizations
         */
        get: operations["getOrganizationRevision"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/pages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List pages
         * @description Lists the documents of pages the caller may see, a page at a time, filtered and sorted; with fields=, each item holds only the fields asked for.
         *
         *     Pages
         */
        get: operations["listPages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/pages/_aggregate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Count and measure documents of pages by group and time bucket
         * @description Groups the documents of pages the caller may list (and the filter keeps) by fields and a time bucket, with metrics over each group, in one streamed read. A private field cannot be grouped by or measured; a bad parameter is a 400 naming it and the position of the culprit.
         *
         *     Pages
         */
        get: operations["aggregatePages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/pages/_aggregate.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The aggregate of pages as CSV
         * @description What GET /api/pages/_aggregate answers, as CSV for a spreadsheet: a column per group field, the bucket, then a column per metric. A cell that a spreadsheet would run as a formula (=, +, -, @) starts with an apostrophe.
         *
         *     Pages
         */
        get: operations["aggregatePagesCSV"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/pages/_itemAnalysis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Item analysis of scored responses of pages
         * @description Classical test theory over the responses of pages the caller may list: each item's difficulty, corrected point-biserial, option proportions and flags, and the test's distribution, alpha (KR-20), SEM and pass rate. Reads an array of item results (items) and a boolean pass (passed).
         *
         *     Pages
         */
        get: operations["analyzePageItems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/pages/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * Read a document of pages
         * @description Reads one document of pages, with its references expanded on request; a document the caller may not see is a 404.
         *
         *     Pages
         */
        get: operations["getPage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/pages/{id}/referrers": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * List the documents that refer to a document of pages (x-ref)
         * @description Lists the documents whose references (x-ref) name this one, by collection, id and field.
         *
         *     Pages
         */
        get: operations["listPageReferrers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/pages/{id}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * List the revisions of a document of pages, newest first
         * @description Lists every revision the document has had, newest first.
         *
         *     Pages
         */
        get: operations["listPageRevisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/pages/{id}/revisions/{rev}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
                /** @description The revision number, from 1. */
                rev: components["parameters"]["rev"];
            };
            cookie?: never;
        };
        /**
         * Read a document of pages as it was at a revision
         * @description Reads the document as it was written at one revision.
         *
         *     Pages
         */
        get: operations["getPageRevision"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/paths": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List paths
         * @description Lists the documents of paths the caller may see, a page at a time, filtered and sorted; with fields=, each item holds only the fields asked for.
         *
         *     Paths
         */
        get: operations["listPaths"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/paths/_aggregate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Count and measure documents of paths by group and time bucket
         * @description Groups the documents of paths the caller may list (and the filter keeps) by fields and a time bucket, with metrics over each group, in one streamed read. A private field cannot be grouped by or measured; a bad parameter is a 400 naming it and the position of the culprit.
         *
         *     Paths
         */
        get: operations["aggregatePaths"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/paths/_aggregate.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The aggregate of paths as CSV
         * @description What GET /api/paths/_aggregate answers, as CSV for a spreadsheet: a column per group field, the bucket, then a column per metric. A cell that a spreadsheet would run as a formula (=, +, -, @) starts with an apostrophe.
         *
         *     Paths
         */
        get: operations["aggregatePathsCSV"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/paths/_itemAnalysis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Item analysis of scored responses of paths
         * @description Classical test theory over the responses of paths the caller may list: each item's difficulty, corrected point-biserial, option proportions and flags, and the test's distribution, alpha (KR-20), SEM and pass rate. Reads an array of item results (items) and a boolean pass (passed).
         *
         *     Paths
         */
        get: operations["analyzePathItems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/paths/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * Read a document of paths
         * @description Reads one document of paths, with its references expanded on request; a document the caller may not see is a 404.
         *
         *     Paths
         */
        get: operations["getPath"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/paths/{id}/referrers": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * List the documents that refer to a document of paths (x-ref)
         * @description Lists the documents whose references (x-ref) name this one, by collection, id and field.
         *
         *     Paths
         */
        get: operations["listPathReferrers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/paths/{id}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * List the revisions of a document of paths, newest first
         * @description Lists every revision the document has had, newest first.
         *
         *     Paths
         */
        get: operations["listPathRevisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/paths/{id}/revisions/{rev}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
                /** @description The revision number, from 1. */
                rev: components["parameters"]["rev"];
            };
            cookie?: never;
        };
        /**
         * Read a document of paths as it was at a revision
         * @description Reads the document as it was written at one revision.
         *
         *     Paths
         */
        get: operations["getPathRevision"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/programs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List programs
         * @description Lists the documents of programs the caller may see, a page at a time, filtered and sorted; with fields=, each item holds only the fields asked for.
         *
         *     Programs
         */
        get: operations["listPrograms"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/programs/_aggregate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Count and measure documents of programs by group and time bucket
         * @description Groups the documents of programs the caller may list (and the filter keeps) by fields and a time bucket, with metrics over each group, in one streamed read. A private field cannot be grouped by or measured; a bad parameter is a 400 naming it and the position of the culprit.
         *
         *     Programs
         */
        get: operations["aggregatePrograms"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/programs/_aggregate.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The aggregate of programs as CSV
         * @description What GET /api/programs/_aggregate answers, as CSV for a spreadsheet: a column per group field, the bucket, then a column per metric. A cell that a spreadsheet would run as a formula (=, +, -, @) starts with an apostrophe.
         *
         *     Programs
         */
        get: operations["aggregateProgramsCSV"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/programs/_itemAnalysis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Item analysis of scored responses of programs
         * @description Classical test theory over the responses of programs the caller may list: each item's difficulty, corrected point-biserial, option proportions and flags, and the test's distribution, alpha (KR-20), SEM and pass rate. Reads an array of item results (items) and a boolean pass (passed).
         *
         *     Programs
         */
        get: operations["analyzeProgramItems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/programs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * Read a document of programs
         * @description Reads one document of programs, with its references expanded on request; a document the caller may not see is a 404.
         *
         *     Programs
         */
        get: operations["getProgram"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/programs/{id}/referrers": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * List the documents that refer to a document of programs (x-ref)
         * @description Lists the documents whose references (x-ref) name this one, by collection, id and field.
         *
         *     Programs
         */
        get: operations["listProgramReferrers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/programs/{id}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * List the revisions of a document of programs, newest first
         * @description Lists every revision the document has had, newest first.
         *
         *     Programs
         */
        get: operations["listProgramRevisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/programs/{id}/revisions/{rev}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
                /** @description The revision number, from 1. */
                rev: components["parameters"]["rev"];
            };
            cookie?: never;
        };
        /**
         * Read a document of programs as it was at a revision
         * @description Reads the document as it was written at one revision.
         *
         *     Programs
         */
        get: operations["getProgramRevision"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/questions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * Read a document of questions
         * @description Reads one document of questions, with its references expanded on request; a document the caller may not see is a 404.
         *
         *     Questions
         */
        get: operations["getQuestion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/questions/{id}/files/picture": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * Download the file of picture of a document of questions
         * @description The file the field names, to a caller who may read the document: ETag (its SHA-256), Range, nosniff.
         *
         *     Questions
         */
        get: operations["downloadQuestionPicture"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/questions/{id}/files/picture/url": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * A short-lived address of the file of picture of a document of questions
         * @description For an <img> or a link: an address of the file that works without a key for a few minutes, to a caller who may read the document.
         *
         *     Questions
         */
        get: operations["signedQuestionPictureURL"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/questions/{id}/referrers": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * List the documents that refer to a document of questions (x-ref)
         * @description Lists the documents whose references (x-ref) name this one, by collection, id and field.
         *
         *     Questions
         */
        get: operations["listQuestionReferrers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/questions/{id}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * List the revisions of a document of questions, newest first
         * @description Lists every revision the document has had, newest first.
         *
         *     Questions
         */
        get: operations["listQuestionRevisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/questions/{id}/revisions/{rev}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
                /** @description The revision number, from 1. */
                rev: components["parameters"]["rev"];
            };
            cookie?: never;
        };
        /**
         * Read a document of questions as it was at a revision
         * @description Reads the document as it was written at one revision.
         *
         *     Questions
         */
        get: operations["getQuestionRevision"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List sections
         * @description Lists the documents of sections the caller may see, a page at a time, filtered and sorted; with fields=, each item holds only the fields asked for.
         *
         *     Page sections
         */
        get: operations["listSections"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sections/_aggregate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Count and measure documents of sections by group and time bucket
         * @description Groups the documents of sections the caller may list (and the filter keeps) by fields and a time bucket, with metrics over each group, in one streamed read. A private field cannot be grouped by or measured; a bad parameter is a 400 naming it and the position of the culprit.
         *
         *     Page sections
         */
        get: operations["aggregateSections"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sections/_aggregate.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The aggregate of sections as CSV
         * @description What GET /api/sections/_aggregate answers, as CSV for a spreadsheet: a column per group field, the bucket, then a column per metric. A cell that a spreadsheet would run as a formula (=, +, -, @) starts with an apostrophe.
         *
         *     Page sections
         */
        get: operations["aggregateSectionsCSV"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sections/_itemAnalysis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Item analysis of scored responses of sections
         * @description Classical test theory over the responses of sections the caller may list: each item's difficulty, corrected point-biserial, option proportions and flags, and the test's distribution, alpha (KR-20), SEM and pass rate. Reads an array of item results (items) and a boolean pass (passed).
         *
         *     Page sections
         */
        get: operations["analyzeSectionItems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sections/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * Read a document of sections
         * @description Reads one document of sections, with its references expanded on request; a document the caller may not see is a 404.
         *
         *     Page sections
         */
        get: operations["getSection"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sections/{id}/referrers": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * List the documents that refer to a document of sections (x-ref)
         * @description Lists the documents whose references (x-ref) name this one, by collection, id and field.
         *
         *     Page sections
         */
        get: operations["listSectionReferrers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sections/{id}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /**
         * List the revisions of a document of sections, newest first
         * @description Lists every revision the document has had, newest first.
         *
         *     Page sections
         */
        get: operations["listSectionRevisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sections/{id}/revisions/{rev}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
                /** @description The revision number, from 1. */
                rev: components["parameters"]["rev"];
            };
            cookie?: never;
        };
        /**
         * Read a document of sections as it was at a revision
         * @description Reads the document as it was written at one revision.
         *
         *     Page sections
         */
        get: operations["getSectionRevision"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a one-time sign-in code
         * @description The same 202 whether or not the address has an account.
         */
        post: operations["sendSignInCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who the access token acts for
         * @description The account, address, role and subject of the caller's access token; 401 without one.
         */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Renew a session
         * @description Gives a new pair; the refresh token is used up.
         */
        post: operations["refreshSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a password reset
         * @description The same 202 whether or not the address has an account.
         */
        post: operations["sendPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Choose a new password
         * @description Ends every session of the account, and starts one.
         */
        post: operations["resetPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's live sessions
         * @description The sessions of the caller's account that have not ended, with when each was last renewed.
         */
        get: operations["listSessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/signin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with a password
         * @description The same 401 for an unknown address and a wrong password; 429 after repeated failures.
         */
        post: operations["signIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/signin/code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with a one-time code
         * @description The code sent by POST /auth/code: it works once, for a few minutes, and a session starts.
         */
        post: operations["signInWithCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/signout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out
         * @description Ends the session: its refresh token at once, its access tokens when they expire.
         */
        post: operations["signOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/signup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign up
         * @description Makes an account when sign-up is open to the address (403 otherwise) and sends a code to verify it. The same 202 whether or not the address had an account.
         */
        post: operations["signUp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify the address
         * @description The code sent at sign-up: the address is verified, and a session starts.
         */
        post: operations["verifyEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/files/{sha256}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a file by a signed address
         * @description What a file's /url operation signed: the file, without a key, until exp; a changed or expired address is a 403.
         */
        get: operations["getSignedFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check that the server and its store answer
         * @description 200 when the store answers within two seconds, 503 otherwise: for load balancers and probes.
         */
        get: operations["health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * CE activities
         * @description Continuing education: submitted by the learner, approved, rejected or returned for more information by staff.
         */
        Activity: {
            /**
             * Format: date-time
             * @description When the document was created.
             */
            readonly _createdAt: string;
            /** @description The id of the API key that created the document. */
            readonly _createdBy?: string;
            /**
             * Format: int64
             * @description The revision, counting from 1.
             */
            readonly _rev: number;
            /**
             * @description In collections with x-publish: draft or published. A create may set it; publish and unpublish change it.
             * @enum {string}
             */
            _status?: "draft" | "published";
            /**
             * Format: date-time
             * @description When the document was last written.
             */
            readonly _updatedAt: string;
            /** @description The id of the API key that wrote this revision. */
            readonly _updatedBy?: string;
            /** @description An id of certifications; with expand=, the document it names. */
            readonly certification?: string | components["schemas"]["Certification"];
            /** Format: double */
            readonly ceus?: number;
            /** Format: int64 */
            contributions?: number;
            /** @description An id of credentials; with expand=, the document it names. */
            credential?: string | components["schemas"]["Credential"];
            /** Format: uri */
            evidence?: string;
            /**
             * @description the evidence itself, uploaded: a certificate, a transcript (PDF, PNG or JPEG, up to 10 MB)
             *
             *     A file (x-file): upload it with POST .../files/{field}, read it with GET.
             */
            evidenceFile?: {
                /**
                 * Format: int64
                 * @description An image's height in pixels.
                 */
                height?: number;
                /** @description The file's name as uploaded. */
                name?: string;
                /** @description The SHA-256 of the file's bytes, hex: the file's id. */
                sha256: string;
                /**
                 * Format: int64
                 * @description Its size in bytes.
                 */
                size?: number;
                /** @description Its media type, read from its bytes. */
                type?: string;
                /**
                 * Format: int64
                 * @description An image's width in pixels.
                 */
                width?: number;
            };
            /** Format: double */
            hours?: number;
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id: string;
            /** @description An id of learners; with expand=, the document it names. */
            learner?: string | components["schemas"]["Learner"];
            /**
             * Format: int64
             * @description Synerise certification points for the activity, given by staff
             */
            points?: number;
            reviewNote?: string;
            /** Format: date-time */
            readonly reviewedAt?: string;
            /** @description An id of ceu_sources; with expand=, the document it names. */
            source: string | components["schemas"]["CeuSource"];
            /**
             * @default draft
             * @enum {string}
             */
            status: "draft" | "submitted" | "returned" | "approved" | "rejected";
            /** Format: date-time */
            readonly submittedAt?: string;
            title: string;
        };
        /**
         * CE activities
         * @description Continuing education: submitted by the learner, approved, rejected or returned for more information by staff.
         */
        ActivityInput: {
            /** Format: int64 */
            contributions?: number;
            /** @description the learner's credential the activity is for: it then counts toward that certification only (otherwise toward every certification of hers that renews by CEUs) */
            credential?: string;
            /** Format: uri */
            evidence?: string;
            /**
             * @description the evidence itself, uploaded: a certificate, a transcript (PDF, PNG or JPEG, up to 10 MB)
             *
             *     A file (x-file): upload it with POST .../files/{field}, read it with GET.
             */
            evidenceFile?: {
                /**
                 * Format: int64
                 * @description An image's height in pixels.
                 */
                height?: number;
                /** @description The file's name as uploaded. */
                name?: string;
                /** @description The SHA-256 of the file's bytes, hex: the file's id. */
                sha256: string;
                /**
                 * Format: int64
                 * @description Its size in bytes.
                 */
                size?: number;
                /** @description Its media type, read from its bytes. */
                type?: string;
                /**
                 * Format: int64
                 * @description An image's width in pixels.
                 */
                width?: number;
            };
            /** Format: double */
            hours?: number;
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id?: string;
            learner?: string;
            /**
             * Format: int64
             * @description Synerise certification points for the activity, given by staff
             */
            points?: number;
            reviewNote?: string;
            source: string;
            /**
             * @description Default: `"draft"`, set by the server when a create leaves it out.
             * @enum {string}
             */
            status?: "draft" | "submitted" | "returned" | "approved" | "rejected";
            title: string;
        };
        /** @description A page of documents. */
        ActivityPage: {
            /** @description With explain=true: how the filter was served. */
            explain?: {
                /** @description For an order in memory: what would make the list cheap. */
                advice?: string;
                /** @description The documents read to make the page. */
                examined?: number;
                /** @description The x-index field that chose the candidates; empty for a scan. */
                index?: string;
                /** @description Other x-index fields whose equalities were checked in their index before a document was read. */
                intersect?: string[];
                /** @description Those that passed the filter. */
                matched?: number;
                /**
                 * @description id: the documents' own order; index: a walk of the sort field's index, which stops after the page; memory: every candidate read and sorted.
                 * @enum {string}
                 */
                order?: "id" | "index" | "memory";
            };
            /** @description The documents; with fields=, each holds only the fields asked for. */
            items: (components["schemas"]["Activity"] | components["schemas"]["ActivityPartial"])[];
            /** @description The cursor of the next page; absent on the last page. */
            nextCursor?: string;
        };
        /**
         * CE activities
         * @description Continuing education: submitted by the learner, approved, rejected or returned for more information by staff.
         *
         *     A document read with fields=: only the fields asked for, id and meta fields come back.
         */
        ActivityPartial: {
            /**
             * Format: date-time
             * @description When the document was created.
             */
            readonly _createdAt: string;
            /** @description The id of the API key that created the document. */
            readonly _createdBy?: string;
            /**
             * Format: int64
             * @description The revision, counting from 1.
             */
            readonly _rev: number;
            /**
             * @description In collections with x-publish: draft or published. A create may set it; publish and unpublish change it.
             * @enum {string}
             */
            _status?: "draft" | "published";
            /**
             * Format: date-time
             * @description When the document was last written.
             */
            readonly _updatedAt: string;
            /** @description The id of the API key that wrote this revision. */
            readonly _updatedBy?: string;
            /** @description An id of certifications; with expand=, the document it names. */
            readonly certification?: string | components["schemas"]["Certification"];
            /** Format: double */
            readonly ceus?: number;
            /** Format: int64 */
            contributions?: number;
            /** @description An id of credentials; with expand=, the document it names. */
            credential?: string | components["schemas"]["Credential"];
            /** Format: uri */
            evidence?: string;
            /**
             * @description the evidence itself, uploaded: a certificate, a transcript (PDF, PNG or JPEG, up to 10 MB)
             *
             *     A file (x-file): upload it with POST .../files/{field}, read it with GET.
             */
            evidenceFile?: {
                /**
                 * Format: int64
                 * @description An image's height in pixels.
                 */
                height?: number;
                /** @description The file's name as uploaded. */
                name?: string;
                /** @description The SHA-256 of the file's bytes, hex: the file's id. */
                sha256: string;
                /**
                 * Format: int64
                 * @description Its size in bytes.
                 */
                size?: number;
                /** @description Its media type, read from its bytes. */
                type?: string;
                /**
                 * Format: int64
                 * @description An image's width in pixels.
                 */
                width?: number;
            };
            /** Format: double */
            hours?: number;
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id: string;
            /** @description An id of learners; with expand=, the document it names. */
            learner?: string | components["schemas"]["Learner"];
            /**
             * Format: int64
             * @description Synerise certification points for the activity, given by staff
             */
            points?: number;
            reviewNote?: string;
            /** Format: date-time */
            readonly reviewedAt?: string;
            /** @description An id of ceu_sources; with expand=, the document it names. */
            source?: string | components["schemas"]["CeuSource"];
            /**
             * @default draft
             * @enum {string}
             */
            status: "draft" | "submitted" | "returned" | "approved" | "rejected";
            /** Format: date-time */
            readonly submittedAt?: string;
            title?: string;
        };
        /**
         * CE activities
         * @description Continuing education: submitted by the learner, approved, rejected or returned for more information by staff.
         *
         *     A JSON Merge Patch (RFC 7396) of the document: every field optional, null removes a field that is not required.
         */
        ActivityPatch: {
            /** Format: int64 */
            contributions?: number | null;
            /** @description the learner's credential the activity is for: it then counts toward that certification only (otherwise toward every certification of hers that renews by CEUs) */
            credential?: string | null;
            /** Format: uri */
            evidence?: string | null;
            /**
             * @description the evidence itself, uploaded: a certificate, a transcript (PDF, PNG or JPEG, up to 10 MB)
             *
             *     A file (x-file): upload it with POST .../files/{field}, read it with GET.
             */
            evidenceFile?: {
                /**
                 * Format: int64
                 * @description An image's height in pixels.
                 */
                height?: number;
                /** @description The file's name as uploaded. */
                name?: string;
                /** @description The SHA-256 of the file's bytes, hex: the file's id. */
                sha256: string;
                /**
                 * Format: int64
                 * @description Its size in bytes.
                 */
                size?: number;
                /** @description Its media type, read from its bytes. */
                type?: string;
                /**
                 * Format: int64
                 * @description An image's width in pixels.
                 */
                width?: number;
            } | null;
            /** Format: double */
            hours?: number | null;
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id?: string;
            /** @description Immutable: set once, it cannot change (x-immutable). */
            readonly learner?: string;
            /**
             * Format: int64
             * @description Synerise certification points for the activity, given by staff
             */
            points?: number | null;
            reviewNote?: string | null;
            source?: string;
            /**
             * @description Default: `"draft"`, set by the server when a create leaves it out.
             * @enum {string|null}
             */
            status?: "draft" | "submitted" | "returned" | "approved" | "rejected" | null;
            title?: string;
        };
        /** @description Groups of the documents a caller may list, with metrics over each. */
        Aggregate: {
            /** @description The time buckets, when asked for. */
            bucket?: {
                field: string;
                /** @description The IANA time zone. */
                tz: string;
                /** @description hour, day, week (from Monday), month or year */
                unit: string;
            };
            /** @description With explain=true (editors and admins): how the documents were found. */
            explain?: {
                /**
                 * Format: int64
                 * @description The documents read.
                 */
                examined?: number;
                /** @description The x-index field read; empty when none was. */
                index?: string;
                /** @description Other x-index fields whose equalities were checked in their index. */
                intersect?: string[];
                /** Format: int64 */
                matched?: number;
                /** @description counts: the counts kept as documents are written were read; index: an index's entries were counted; else the documents were read. */
                order?: string;
            };
            /** @description The fields grouped by. */
            groupBy: string[];
            /**
             * Format: int64
             * @description The documents aggregated.
             */
            matched: number;
            /** @description The metrics, as asked. */
            metrics: string[];
            /** @description The groups, in key order. */
            rows: ({
                /** @description The group's value of each groupBy field and, under the bucket's field, its bucket (2026-11-24, 2026-11, 2026). */
                key: {
                    [key: string]: unknown;
                };
            } & {
                [key: string]: unknown;
            })[];
        };
        /**
         * Applications
         * @description An application for a certification or its renewal, with a deadline that reminders count down to.
         */
        Application: {
            /**
             * Format: date-time
             * @description When the document was created.
             */
            readonly _createdAt: string;
            /** @description The id of the API key that created the document. */
            readonly _createdBy?: string;
            /**
             * Format: int64
             * @description The revision, counting from 1.
             */
            readonly _rev: number;
            /**
             * @description In collections with x-publish: draft or published. A create may set it; publish and unpublish change it.
             * @enum {string}
             */
            _status?: "draft" | "published";
            /**
             * Format: date-time
             * @description When the document was last written.
             */
            readonly _updatedAt: string;
            /** @description The id of the API key that wrote this revision. */
            readonly _updatedBy?: string;
            /** @description An id of certifications; with expand=, the document it names. */
            certification: string | components["schemas"]["Certification"];
            /** Format: date-time */
            deadline: string;
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id: string;
            /**
             * @default initial
             * @enum {unknown}
             */
            kind: "initial" | "renewal";
            /** @description An id of learners; with expand=, the document it names. */
            learner?: string | components["schemas"]["Learner"];
            /** @description the certification's level, for reports */
            readonly level?: string;
            /** @description the certification's path, for reports */
            readonly path?: string;
            reviewNote?: string;
            /**
             * @default started
             * @enum {string}
             */
            status: "started" | "submitted" | "returned" | "approved" | "rejected";
            /** Format: date-time */
            readonly submittedAt?: string;
        };
        /**
         * Applications
         * @description An application for a certification or its renewal, with a deadline that reminders count down to.
         */
        ApplicationInput: {
            certification: string;
            /** Format: date-time */
            deadline: string;
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id?: string;
            /**
             * @description Default: `"initial"`, set by the server when a create leaves it out.
             * @enum {unknown}
             */
            kind?: "initial" | "renewal";
            learner?: string;
            reviewNote?: string;
            /**
             * @description Default: `"started"`, set by the server when a create leaves it out.
             * @enum {string}
             */
            status?: "started" | "submitted" | "returned" | "approved" | "rejected";
        };
        /** @description A page of documents. */
        ApplicationPage: {
            /** @description With explain=true: how the filter was served. */
            explain?: {
                /** @description For an order in memory: what would make the list cheap. */
                advice?: string;
                /** @description The documents read to make the page. */
                examined?: number;
                /** @description The x-index field that chose the candidates; empty for a scan. */
                index?: string;
                /** @description Other x-index fields whose equalities were checked in their index before a document was read. */
                intersect?: string[];
                /** @description Those that passed the filter. */
                matched?: number;
                /**
                 * @description id: the documents' own order; index: a walk of the sort field's index, which stops after the page; memory: every candidate read and sorted.
                 * @enum {string}
                 */
                order?: "id" | "index" | "memory";
            };
            /** @description The documents; with fields=, each holds only the fields asked for. */
            items: (components["schemas"]["Application"] | components["schemas"]["ApplicationPartial"])[];
            /** @description The cursor of the next page; absent on the last page. */
            nextCursor?: string;
        };
        /**
         * Applications
         * @description An application for a certification or its renewal, with a deadline that reminders count down to.
         *
         *     A document read with fields=: only the fields asked for, id and meta fields come back.
         */
        ApplicationPartial: {
            /**
             * Format: date-time
             * @description When the document was created.
             */
            readonly _createdAt: string;
            /** @description The id of the API key that created the document. */
            readonly _createdBy?: string;
            /**
             * Format: int64
             * @description The revision, counting from 1.
             */
            readonly _rev: number;
            /**
             * @description In collections with x-publish: draft or published. A create may set it; publish and unpublish change it.
             * @enum {string}
             */
            _status?: "draft" | "published";
            /**
             * Format: date-time
             * @description When the document was last written.
             */
            readonly _updatedAt: string;
            /** @description The id of the API key that wrote this revision. */
            readonly _updatedBy?: string;
            /** @description An id of certifications; with expand=, the document it names. */
            certification?: string | components["schemas"]["Certification"];
            /** Format: date-time */
            deadline?: string;
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id: string;
            /**
             * @default initial
             * @enum {unknown}
             */
            kind: "initial" | "renewal";
            /** @description An id of learners; with expand=, the document it names. */
            learner?: string | components["schemas"]["Learner"];
            /** @description the certification's level, for reports */
            readonly level?: string;
            /** @description the certification's path, for reports */
            readonly path?: string;
            reviewNote?: string;
            /**
             * @default started
             * @enum {string}
             */
            status: "started" | "submitted" | "returned" | "approved" | "rejected";
            /** Format: date-time */
            readonly submittedAt?: string;
        };
        /**
         * Applications
         * @description An application for a certification or its renewal, with a deadline that reminders count down to.
         *
         *     A JSON Merge Patch (RFC 7396) of the document: every field optional, null removes a field that is not required.
         */
        ApplicationPatch: {
            /** @description Immutable: set once, it cannot change (x-immutable). */
            readonly certification?: string;
            /** Format: date-time */
            deadline?: string;
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id?: string;
            /**
             * @description Default: `"initial"`, set by the server when a create leaves it out.
             *
             *     Immutable: set once, it cannot change (x-immutable).
             * @enum {unknown}
             */
            readonly kind?: "initial" | "renewal";
            /** @description Immutable: set once, it cannot change (x-immutable). */
            readonly learner?: string;
            reviewNote?: string | null;
            /**
             * @description Default: `"started"`, set by the server when a create leaves it out.
             * @enum {string|null}
             */
            status?: "started" | "submitted" | "returned" | "approved" | "rejected" | null;
        };
        /**
         * Assessments
         * @description Weighted assessment components of a certification (written, practical, case study), scored by assessors.
         */
        Assessment: {
            /**
             * Format: date-time
             * @description When the document was created.
             */
            readonly _createdAt: string;
            /** @description The id of the API key that created the document. */
            readonly _createdBy?: string;
            /**
             * Format: int64
             * @description The revision, counting from 1.
             */
            readonly _rev: number;
            /**
             * @description In collections with x-publish: draft or published. A create may set it; publish and unpublish change it.
             * @enum {string}
             */
            _status?: "draft" | "published";
            /**
             * Format: date-time
             * @description When the document was last written.
             */
            readonly _updatedAt: string;
            /** @description The id of the API key that wrote this revision. */
            readonly _updatedBy?: string;
            readonly allComponentsPassed?: boolean;
            /** @description An id of certifications; with expand=, the document it names. */
            certification: string | components["schemas"]["Certification"];
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id: string;
            /** @description An id of learners; with expand=, the document it names. */
            learner: string | components["schemas"]["Learner"];
            /** @description every component at its minimum, the weighted total at the certification's passingScore, the prerequisites current */
            readonly passed?: boolean;
            readonly prerequisitesMet?: boolean;
            scores: {
                [key: string]: number;
            };
            /** Format: double */
            readonly weighted?: number;
        };
        /** @description A page of documents. */
        AssessmentPage: {
            /** @description With explain=true: how the filter was served. */
            explain?: {
                /** @description For an order in memory: what would make the list cheap. */
                advice?: string;
                /** @description The documents read to make the page. */
                examined?: number;
                /** @description The x-index field that chose the candidates; empty for a scan. */
                index?: string;
                /** @description Other x-index fields whose equalities were checked in their index before a document was read. */
                intersect?: string[];
                /** @description Those that passed the filter. */
                matched?: number;
                /**
                 * @description id: the documents' own order; index: a walk of the sort field's index, which stops after the page; memory: every candidate read and sorted.
                 * @enum {string}
                 */
                order?: "id" | "index" | "memory";
            };
            /** @description The documents; with fields=, each holds only the fields asked for. */
            items: (components["schemas"]["Assessment"] | components["schemas"]["AssessmentPartial"])[];
            /** @description The cursor of the next page; absent on the last page. */
            nextCursor?: string;
        };
        /**
         * Assessments
         * @description Weighted assessment components of a certification (written, practical, case study), scored by assessors.
         *
         *     A document read with fields=: only the fields asked for, id and meta fields come back.
         */
        AssessmentPartial: {
            /**
             * Format: date-time
             * @description When the document was created.
             */
            readonly _createdAt: string;
            /** @description The id of the API key that created the document. */
            readonly _createdBy?: string;
            /**
             * Format: int64
             * @description The revision, counting from 1.
             */
            readonly _rev: number;
            /**
             * @description In collections with x-publish: draft or published. A create may set it; publish and unpublish change it.
             * @enum {string}
             */
            _status?: "draft" | "published";
            /**
             * Format: date-time
             * @description When the document was last written.
             */
            readonly _updatedAt: string;
            /** @description The id of the API key that wrote this revision. */
            readonly _updatedBy?: string;
            readonly allComponentsPassed?: boolean;
            /** @description An id of certifications; with expand=, the document it names. */
            certification?: string | components["schemas"]["Certification"];
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id: string;
            /** @description An id of learners; with expand=, the document it names. */
            learner?: string | components["schemas"]["Learner"];
            /** @description every component at its minimum, the weighted total at the certification's passingScore, the prerequisites current */
            readonly passed?: boolean;
            readonly prerequisitesMet?: boolean;
            scores?: {
                [key: string]: number;
            };
            /** Format: double */
            readonly weighted?: number;
        };
        /**
         * Exam attempts
         * @description An attempt draws its questions on the server when it is created; the learner sends answers once; score and pass are computed.
         */
        Attempt: {
            /**
             * Format: date-time
             * @description When the document was created.
             */
            readonly _createdAt: string;
            /** @description The id of the API key that created the document. */
            readonly _createdBy?: string;
            /**
             * Format: int64
             * @description The revision, counting from 1.
             */
            readonly _rev: number;
            /**
             * @description In collections with x-publish: draft or published. A create may set it; publish and unpublish change it.
             * @enum {string}
             */
            _status?: "draft" | "published";
            /**
             * Format: date-time
             * @description When the document was last written.
             */
            readonly _updatedAt: string;
            /** @description The id of the API key that wrote this revision. */
            readonly _updatedBy?: string;
            answers?: {
                choices?: string[];
                question: string;
                text?: string;
            }[];
            /**
             * Format: date-time
             * @description set when the attempt starts: a later change of the exam's time limit does not move it
             */
            readonly deadline?: string;
            /** @description An id of exams; with expand=, the document it names. */
            exam: string | components["schemas"]["Exam"];
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id: string;
            /** @description An id of learners; with expand=, the document it names. */
            learner?: string | components["schemas"]["Learner"];
            /** @description the exam's level when the attempt started, for reports */
            readonly level?: string;
            /** Format: int64 */
            readonly maxScore?: number;
            readonly passed?: boolean;
            /** @description the exam's path when the attempt started, for reports */
            readonly path?: string;
            /** Format: double */
            readonly percentage?: number;
            /**
             * @description drawn on the server when the attempt starts: from the exam's pool, or per competency in proportion to the exam's blueprint
             *
             *     Ids of questions; with expand=, the documents they name.
             */
            readonly questions?: (string | components["schemas"]["Question"])[];
            /** Format: int64 */
            readonly score?: number;
            /** Format: date-time */
            readonly startedAt?: string;
            /** Format: date-time */
            readonly submittedAt?: string;
        };
        /**
         * Exam attempts
         * @description An attempt draws its questions on the server when it is created; the learner sends answers once; score and pass are computed.
         */
        AttemptInput: {
            answers?: {
                choices?: string[];
                question: string;
                text?: string;
            }[];
            exam: string;
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id?: string;
            learner?: string;
        };
        /** @description A page of documents. */
        AttemptPage: {
            /** @description With explain=true: how the filter was served. */
            explain?: {
                /** @description For an order in memory: what would make the list cheap. */
                advice?: string;
                /** @description The documents read to make the page. */
                examined?: number;
                /** @description The x-index field that chose the candidates; empty for a scan. */
                index?: string;
                /** @description Other x-index fields whose equalities were checked in their index before a document was read. */
                intersect?: string[];
                /** @description Those that passed the filter. */
                matched?: number;
                /**
                 * @description id: the documents' own order; index: a walk of the sort field's index, which stops after the page; memory: every candidate read and sorted.
                 * @enum {string}
                 */
                order?: "id" | "index" | "memory";
            };
            /** @description The documents; with fields=, each holds only the fields asked for. */
            items: (components["schemas"]["Attempt"] | components["schemas"]["AttemptPartial"])[];
            /** @description The cursor of the next page; absent on the last page. */
            nextCursor?: string;
        };
        /**
         * Exam attempts
         * @description An attempt draws its questions on the server when it is created; the learner sends answers once; score and pass are computed.
         *
         *     A document read with fields=: only the fields asked for, id and meta fields come back.
         */
        AttemptPartial: {
            /**
             * Format: date-time
             * @description When the document was created.
             */
            readonly _createdAt: string;
            /** @description The id of the API key that created the document. */
            readonly _createdBy?: string;
            /**
             * Format: int64
             * @description The revision, counting from 1.
             */
            readonly _rev: number;
            /**
             * @description In collections with x-publish: draft or published. A create may set it; publish and unpublish change it.
             * @enum {string}
             */
            _status?: "draft" | "published";
            /**
             * Format: date-time
             * @description When the document was last written.
             */
            readonly _updatedAt: string;
            /** @description The id of the API key that wrote this revision. */
            readonly _updatedBy?: string;
            answers?: {
                choices?: string[];
                question: string;
                text?: string;
            }[];
            /**
             * Format: date-time
             * @description set when the attempt starts: a later change of the exam's time limit does not move it
             */
            readonly deadline?: string;
            /** @description An id of exams; with expand=, the document it names. */
            exam?: string | components["schemas"]["Exam"];
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id: string;
            /** @description An id of learners; with expand=, the document it names. */
            learner?: string | components["schemas"]["Learner"];
            /** @description the exam's level when the attempt started, for reports */
            readonly level?: string;
            /** Format: int64 */
            readonly maxScore?: number;
            readonly passed?: boolean;
            /** @description the exam's path when the attempt started, for reports */
            readonly path?: string;
            /** Format: double */
            readonly percentage?: number;
            /**
             * @description drawn on the server when the attempt starts: from the exam's pool, or per competency in proportion to the exam's blueprint
             *
             *     Ids of questions; with expand=, the documents they name.
             */
            readonly questions?: (string | components["schemas"]["Question"])[];
            /** Format: int64 */
            readonly score?: number;
            /** Format: date-time */
            readonly startedAt?: string;
            /** Format: date-time */
            readonly submittedAt?: string;
        };
        /**
         * Exam attempts
         * @description An attempt draws its questions on the server when it is created; the learner sends answers once; score and pass are computed.
         *
         *     A JSON Merge Patch (RFC 7396) of the document: every field optional, null removes a field that is not required.
         */
        AttemptPatch: {
            answers?: {
                choices?: string[];
                question: string;
                text?: string;
            }[] | null;
            /** @description Immutable: set once, it cannot change (x-immutable). */
            readonly exam?: string;
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id?: string;
            /** @description Immutable: set once, it cannot change (x-immutable). */
            readonly learner?: string;
        };
        /** @description The same answer whether or not the address has an account. */
        AuthAccepted: {
            detail: string;
            status: string;
        };
        /** @description An e-mail address and the code sent to it. */
        AuthCode: {
            /** @description The six digits sent. */
            code: string;
            /** Format: email */
            email: string;
        };
        /** @description An e-mail address and a password. */
        AuthCredentials: {
            /** Format: email */
            email: string;
            password: string;
        };
        /** @description An e-mail address. */
        AuthEmail: {
            /** Format: email */
            email: string;
        };
        /** @description Who an access token acts for. */
        AuthMe: {
            /** @description The account's id. */
            account: string;
            /** Format: email */
            email: string;
            role: string;
            /** @description The id of the document the account acts for. */
            subject?: string;
        };
        /** @description A refresh token. */
        AuthRefresh: {
            refreshToken: string;
        };
        /** @description A reset token and the new password. */
        AuthReset: {
            password: string;
            /** @description The token the reset message carries. */
            token: string;
        };
        /** @description The live sessions of the caller's account. */
        AuthSessions: {
            items: {
                expiresAt: string;
                id: string;
                refreshedAt: string;
            }[];
        };
        /** @description A session: an access token for Authorization: Bearer, and the refresh token that renews it once. */
        AuthTokens: {
            /** @description A JWT accepted wherever an API key is, for expiresIn seconds. */
            accessToken: string;
            /** @description Seconds the access token works. */
            expiresIn: number;
            /** @description Works once: POST it to /auth/refresh for a new pair; a used one presented again ends the session. */
            refreshToken: string;
            /** @description Bearer */
            tokenType: string;
        };
        /** Certifications */
        Certification: {
            /**
             * Format: date-time
             * @description When the document was created.
             */
            readonly _createdAt: string;
            /** @description The id of the API key that created the document. */
            readonly _createdBy?: string;
            /**
             * Format: int64
             * @description The revision, counting from 1.
             */
            readonly _rev: number;
            /**
             * @description In collections with x-publish: draft or published. A create may set it; publish and unpublish change it.
             * @enum {string}
             */
            _status?: "draft" | "published";
            /**
             * Format: date-time
             * @description When the document was last written.
             */
            readonly _updatedAt: string;
            /** @description The id of the API key that wrote this revision. */
            readonly _updatedBy?: string;
            /**
             * @description a second path: all of these completed awards the certification too
             *
             *     Ids of courses; with expand=, the documents they name.
             */
            altCourses?: (string | components["schemas"]["Course"])[];
            /** @description the badge its credentials carry (the Open Badges achievement's image), designed here */
            badgeImage?: string;
            /** @enum {unknown} */
            category?: "user" | "professional" | "specialty" | "product";
            /**
             * Format: int64
             * @description CEUs needed per validity period to renew; overrides the level's
             */
            ceuRequired?: number;
            /** Format: double */
            readonly componentWeightTotal?: number;
            /** @description weighted assessment components */
            components?: {
                /** Format: double */
                minimum: number;
                name: string;
                /** Format: double */
                weight: number;
            }[];
            /**
             * @description all of them completed awards the certification
             *
             *     Ids of courses; with expand=, the documents they name.
             */
            courses?: (string | components["schemas"]["Course"])[];
            /** @description how it is earned, in words; the verifiable credential's criteria narrative */
            criteria?: string;
            /** @description what holding the certification means; in the verifiable credential */
            description?: string;
            /** @description Ids of exams; with expand=, the documents they name. */
            exams?: (string | components["schemas"]["Exam"])[];
            /**
             * Format: int64
             * @description months of experience required beyond the prerequisites
             */
            experienceMonths?: number;
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id: string;
            /** @enum {unknown} */
            kind: "user" | "organization";
            /** @description An id of levels; with expand=, the document it names. */
            level?: string | components["schemas"]["Level"];
            /** @description An id of courses; with expand=, the document it names. */
            maintenanceCourse?: string | components["schemas"]["Course"];
            /**
             * Format: double
             * @description the weighted total of the assessment components needed to pass
             */
            passingScore?: number;
            /** @description An id of paths; with expand=, the document it names. */
            path?: string | components["schemas"]["Path"];
            /** @description An id of programs; with expand=, the document it names. */
            program: string | components["schemas"]["Program"];
            /**
             * Format: int64
             * @description days before expiry when renewal opens and reminders start; overrides the level's (90 by default)
             */
            renewalWindowDays?: number;
            /**
             * @description certifications that must be valid first
             *
             *     Ids of certifications; with expand=, the documents they name.
             */
            requires?: (string | components["schemas"]["Certification"])[];
            /** @description an admin confirms an award made from courses before it counts (status pending until then) */
            requiresConfirmation?: boolean;
            title: string;
            /**
             * Format: int64
             * @description overrides the level's validity
             */
            validityMonths?: number;
        };
        /** @description A page of documents. */
        CertificationPage: {
            /** @description With explain=true: how the filter was served. */
            explain?: {
                /** @description For an order in memory: what would make the list cheap. */
                advice?: string;
                /** @description The documents read to make the page. */
                examined?: number;
                /** @description The x-index field that chose the candidates; empty for a scan. */
                index?: string;
                /** @description Other x-index fields whose equalities were checked in their index before a document was read. */
                intersect?: string[];
                /** @description Those that passed the filter. */
                matched?: number;
                /**
                 * @description id: the documents' own order; index: a walk of the sort field's index, which stops after the page; memory: every candidate read and sorted.
                 * @enum {string}
                 */
                order?: "id" | "index" | "memory";
            };
            /** @description The documents; with fields=, each holds only the fields asked for. */
            items: (components["schemas"]["Certification"] | components["schemas"]["CertificationPartial"])[];
            /** @description The cursor of the next page; absent on the last page. */
            nextCursor?: string;
        };
        /**
         * Certifications
         * @description A document read with fields=: only the fields asked for, id and meta fields come back.
         */
        CertificationPartial: {
            /**
             * Format: date-time
             * @description When the document was created.
             */
            readonly _createdAt: string;
            /** @description The id of the API key that created the document. */
            readonly _createdBy?: string;
            /**
             * Format: int64
             * @description The revision, counting from 1.
             */
            readonly _rev: number;
            /**
             * @description In collections with x-publish: draft or published. A create may set it; publish and unpublish change it.
             * @enum {string}
             */
            _status?: "draft" | "published";
            /**
             * Format: date-time
             * @description When the document was last written.
             */
            readonly _updatedAt: string;
            /** @description The id of the API key that wrote this revision. */
            readonly _updatedBy?: string;
            /**
             * @description a second path: all of these completed awards the certification too
             *
             *     Ids of courses; with expand=, the documents they name.
             */
            altCourses?: (string | components["schemas"]["Course"])[];
            /** @description the badge its credentials carry (the Open Badges achievement's image), designed here */
            badgeImage?: string;
            /** @enum {unknown} */
            category?: "user" | "professional" | "specialty" | "product";
            /**
             * Format: int64
             * @description CEUs needed per validity period to renew; overrides the level's
             */
            ceuRequired?: number;
            /** Format: double */
            readonly componentWeightTotal?: number;
            /** @description weighted assessment components */
            components?: {
                /** Format: double */
                minimum: number;
                name: string;
                /** Format: double */
                weight: number;
            }[];
            /**
             * @description all of them completed awards the certification
             *
             *     Ids of courses; with expand=, the documents they name.
             */
            courses?: (string | components["schemas"]["Course"])[];
            /** @description how it is earned, in words; the verifiable credential's criteria narrative */
            criteria?: string;
            /** @description what holding the certification means; in the verifiable credential */
            description?: string;
            /** @description Ids of exams; with expand=, the documents they name. */
            exams?: (string | components["schemas"]["Exam"])[];
            /**
             * Format: int64
             * @description months of experience required beyond the prerequisites
             */
            experienceMonths?: number;
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id: string;
            /** @enum {unknown} */
            kind?: "user" | "organization";
            /** @description An id of levels; with expand=, the document it names. */
            level?: string | components["schemas"]["Level"];
            /** @description An id of courses; with expand=, the document it names. */
            maintenanceCourse?: string | components["schemas"]["Course"];
            /**
             * Format: double
             * @description the weighted total of the assessment components needed to pass
             */
            passingScore?: number;
            /** @description An id of paths; with expand=, the document it names. */
            path?: string | components["schemas"]["Path"];
            /** @description An id of programs; with expand=, the document it names. */
            program?: string | components["schemas"]["Program"];
            /**
             * Format: int64
             * @description days before expiry when renewal opens and reminders start; overrides the level's (90 by default)
             */
            renewalWindowDays?: number;
            /**
             * @description certifications that must be valid first
             *
             *     Ids of certifications; with expand=, the documents they name.
             */
            requires?: (string | components["schemas"]["Certification"])[];
            /** @description an admin confirms an award made from courses before it counts (status pending until then) */
            requiresConfirmation?: boolean;
            title?: string;
            /**
             * Format: int64
             * @description overrides the level's validity
             */
            validityMonths?: number;
        };
        /** CEU sources */
        CeuSource: {
            /**
             * Format: date-time
             * @description When the document was created.
             */
            readonly _createdAt: string;
            /** @description The id of the API key that created the document. */
            readonly _createdBy?: string;
            /**
             * Format: int64
             * @description The revision, counting from 1.
             */
            readonly _rev: number;
            /**
             * @description In collections with x-publish: draft or published. A create may set it; publish and unpublish change it.
             * @enum {string}
             */
            _status?: "draft" | "published";
            /**
             * Format: date-time
             * @description When the document was last written.
             */
            readonly _updatedAt: string;
            /** @description The id of the API key that wrote this revision. */
            readonly _updatedBy?: string;
            /**
             * Format: double
             * @description at most this many CEUs of this source count in one period
             */
            capPerPeriod?: number;
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id: string;
            /**
             * Format: double
             * @description CEUs per contribution
             */
            perContribution?: number;
            /**
             * Format: double
             * @description CEUs per hour
             */
            perHour?: number;
            title: string;
        };
        /** @description A page of documents. */
        CeuSourcePage: {
            /** @description With explain=true: how the filter was served. */
            explain?: {
                /** @description For an order in memory: what would make the list cheap. */
                advice?: string;
                /** @description The documents read to make the page. */
                examined?: number;
                /** @description The x-index field that chose the candidates; empty for a scan. */
                index?: string;
                /** @description Other x-index fields whose equalities were checked in their index before a document was read. */
                intersect?: string[];
                /** @description Those that passed the filter. */
                matched?: number;
                /**
                 * @description id: the documents' own order; index: a walk of the sort field's index, which stops after the page; memory: every candidate read and sorted.
                 * @enum {string}
                 */
                order?: "id" | "index" | "memory";
            };
            /** @description The documents; with fields=, each holds only the fields asked for. */
            items: (components["schemas"]["CeuSource"] | components["schemas"]["CeuSourcePartial"])[];
            /** @description The cursor of the next page; absent on the last page. */
            nextCursor?: string;
        };
        /**
         * CEU sources
         * @description A document read with fields=: only the fields asked for, id and meta fields come back.
         */
        CeuSourcePartial: {
            /**
             * Format: date-time
             * @description When the document was created.
             */
            readonly _createdAt: string;
            /** @description The id of the API key that created the document. */
            readonly _createdBy?: string;
            /**
             * Format: int64
             * @description The revision, counting from 1.
             */
            readonly _rev: number;
            /**
             * @description In collections with x-publish: draft or published. A create may set it; publish and unpublish change it.
             * @enum {string}
             */
            _status?: "draft" | "published";
            /**
             * Format: date-time
             * @description When the document was last written.
             */
            readonly _updatedAt: string;
            /** @description The id of the API key that wrote this revision. */
            readonly _updatedBy?: string;
            /**
             * Format: double
             * @description at most this many CEUs of this source count in one period
             */
            capPerPeriod?: number;
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id: string;
            /**
             * Format: double
             * @description CEUs per contribution
             */
            perContribution?: number;
            /**
             * Format: double
             * @description CEUs per hour
             */
            perHour?: number;
            title?: string;
        };
        /** Course completions */
        Completion: {
            /**
             * Format: date-time
             * @description When the document was created.
             */
            readonly _createdAt: string;
            /** @description The id of the API key that created the document. */
            readonly _createdBy?: string;
            /**
             * Format: int64
             * @description The revision, counting from 1.
             */
            readonly _rev: number;
            /**
             * @description In collections with x-publish: draft or published. A create may set it; publish and unpublish change it.
             * @enum {string}
             */
            _status?: "draft" | "published";
            /**
             * Format: date-time
             * @description When the document was last written.
             */
            readonly _updatedAt: string;
            /** @description The id of the API key that wrote this revision. */
            readonly _updatedBy?: string;
            /** Format: date-time */
            completedAt: string;
            /** @description An id of courses; with expand=, the document it names. */
            course: string | components["schemas"]["Course"];
            /** Format: double */
            hours?: number;
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id: string;
            /** @description An id of learners; with expand=, the document it names. */
            learner: string | components["schemas"]["Learner"];
        };
        /** @description A page of documents. */
        CompletionPage: {
            /** @description With explain=true: how the filter was served. */
            explain?: {
                /** @description For an order in memory: what would make the list cheap. */
                advice?: string;
                /** @description The documents read to make the page. */
                examined?: number;
                /** @description The x-index field that chose the candidates; empty for a scan. */
                index?: string;
                /** @description Other x-index fields whose equalities were checked in their index before a document was read. */
                intersect?: string[];
                /** @description Those that passed the filter. */
                matched?: number;
                /**
                 * @description id: the documents' own order; index: a walk of the sort field's index, which stops after the page; memory: every candidate read and sorted.
                 * @enum {string}
                 */
                order?: "id" | "index" | "memory";
            };
            /** @description The documents; with fields=, each holds only the fields asked for. */
            items: (components["schemas"]["Completion"] | components["schemas"]["CompletionPartial"])[];
            /** @description The cursor of the next page; absent on the last page. */
            nextCursor?: string;
        };
        /**
         * Course completions
         * @description A document read with fields=: only the fields asked for, id and meta fields come back.
         */
        CompletionPartial: {
            /**
             * Format: date-time
             * @description When the document was created.
             */
            readonly _createdAt: string;
            /** @description The id of the API key that created the document. */
            readonly _createdBy?: string;
            /**
             * Format: int64
             * @description The revision, counting from 1.
             */
            readonly _rev: number;
            /**
             * @description In collections with x-publish: draft or published. A create may set it; publish and unpublish change it.
             * @enum {string}
             */
            _status?: "draft" | "published";
            /**
             * Format: date-time
             * @description When the document was last written.
             */
            readonly _updatedAt: string;
            /** @description The id of the API key that wrote this revision. */
            readonly _updatedBy?: string;
            /** Format: date-time */
            completedAt?: string;
            /** @description An id of courses; with expand=, the document it names. */
            course?: string | components["schemas"]["Course"];
            /** Format: double */
            hours?: number;
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id: string;
            /** @description An id of learners; with expand=, the document it names. */
            learner?: string | components["schemas"]["Learner"];
        };
        /** @description An x-computed field that could not be computed on a read: the document comes back without it. */
        ComputedError: {
            /** @description The name of the x-computed field. */
            field: string;
            /** @description Why it failed, for a person. */
            message: string;
        };
        /** Courses */
        Course: {
            /**
             * Format: date-time
             * @description When the document was created.
             */
            readonly _createdAt: string;
            /** @description The id of the API key that created the document. */
            readonly _createdBy?: string;
            /**
             * Format: int64
             * @description The revision, counting from 1.
             */
            readonly _rev: number;
            /**
             * @description In collections with x-publish: draft or published. A create may set it; publish and unpublish change it.
             * @enum {string}
             */
            _status?: "draft" | "published";
            /**
             * Format: date-time
             * @description When the document was last written.
             */
            readonly _updatedAt: string;
            /** @description The id of the API key that wrote this revision. */
            readonly _updatedBy?: string;
            /**
             * Format: date
             * @description a maintenance course's hard deadline
             */
            closesAt?: string;
            /** Format: double */
            hours?: number;
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id: string;
            /**
             * @default training
             * @enum {unknown}
             */
            kind: "training" | "maintenance";
            /** Format: date */
            opensAt?: string;
            /** @description An id of programs; with expand=, the document it names. */
            program: string | components["schemas"]["Program"];
            title: string;
        };
        /** @description A page of documents. */
        CoursePage: {
            /** @description With explain=true: how the filter was served. */
            explain?: {
                /** @description For an order in memory: what would make the list cheap. */
                advice?: string;
                /** @description The documents read to make the page. */
                examined?: number;
                /** @description The x-index field that chose the candidates; empty for a scan. */
                index?: string;
                /** @description Other x-index fields whose equalities were checked in their index before a document was read. */
                intersect?: string[];
                /** @description Those that passed the filter. */
                matched?: number;
                /**
                 * @description id: the documents' own order; index: a walk of the sort field's index, which stops after the page; memory: every candidate read and sorted.
                 * @enum {string}
                 */
                order?: "id" | "index" | "memory";
            };
            /** @description The documents; with fields=, each holds only the fields asked for. */
            items: (components["schemas"]["Course"] | components["schemas"]["CoursePartial"])[];
            /** @description The cursor of the next page; absent on the last page. */
            nextCursor?: string;
        };
        /**
         * Courses
         * @description A document read with fields=: only the fields asked for, id and meta fields come back.
         */
        CoursePartial: {
            /**
             * Format: date-time
             * @description When the document was created.
             */
            readonly _createdAt: string;
            /** @description The id of the API key that created the document. */
            readonly _createdBy?: string;
            /**
             * Format: int64
             * @description The revision, counting from 1.
             */
            readonly _rev: number;
            /**
             * @description In collections with x-publish: draft or published. A create may set it; publish and unpublish change it.
             * @enum {string}
             */
            _status?: "draft" | "published";
            /**
             * Format: date-time
             * @description When the document was last written.
             */
            readonly _updatedAt: string;
            /** @description The id of the API key that wrote this revision. */
            readonly _updatedBy?: string;
            /**
             * Format: date
             * @description a maintenance course's hard deadline
             */
            closesAt?: string;
            /** Format: double */
            hours?: number;
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id: string;
            /**
             * @default training
             * @enum {unknown}
             */
            kind: "training" | "maintenance";
            /** Format: date */
            opensAt?: string;
            /** @description An id of programs; with expand=, the document it names. */
            program?: string | components["schemas"]["Program"];
            title?: string;
        };
        /**
         * Credentials
         * @description One period of a certification held by one person: awarded by an exam, courses, an assessment or by hand, renewed by CEUs or a maintenance course into the credential of the next period, lapsed when it expires unrenewed. Each change of status is in its history.
         */
        Credential: {
            /**
             * Format: date-time
             * @description When the document was created.
             */
            readonly _createdAt: string;
            /** @description The id of the API key that created the document. */
            readonly _createdBy?: string;
            /** @description The x-computed fields that failed on this read, and why; absent when none did. */
            readonly _errors?: components["schemas"]["ComputedError"][];
            /**
             * Format: int64
             * @description The revision, counting from 1.
             */
            readonly _rev: number;
            /**
             * @description In collections with x-publish: draft or published. A create may set it; publish and unpublish change it.
             * @enum {string}
             */
            _status?: "draft" | "published";
            /**
             * Format: date-time
             * @description When the document was last written.
             */
            readonly _updatedAt: string;
            /** @description The id of the API key that wrote this revision. */
            readonly _updatedBy?: string;
            readonly badge?: string;
            /** @description An id of certifications; with expand=, the document it names. */
            certification: string | components["schemas"]["Certification"];
            /**
             * Format: date-time
             * @description when the CEUs were last counted (an approved or withdrawn activity of the learner)
             */
            ceuCountedAt?: string;
            /**
             * Format: double
             * @description CEUs of the learner's activities approved inside the period (after issuedAt, before expiresAt), toward this certification, each source capped per period where it has a cap
             */
            readonly ceuEarned?: number;
            /**
             * Format: double
             * @description CEUs needed in the period to renew: the certification's, else its level's; 0 when renewal is not by CEUs
             */
            readonly ceuRequired?: number;
            /** @description the credential counts today: for prerequisites, the directory, badges */
            readonly current?: boolean;
            /**
             * Format: int64
             * @description which period of the certification this is: 1 for the award, 2 for the first renewal, and so on
             * @default 1
             */
            cycle: number;
            /** Format: int64 */
            readonly daysLeft?: number;
            /**
             * Format: int64
             * @description days from the learner's joining to this award (the first period only), for reports
             */
            readonly daysToAward?: number;
            /**
             * Format: date-time
             * @description the end of the period: the level's or certification's validity from issuedAt unless given (a renewal gives its predecessor's expiry plus the validity; a manual award of a certification without validity gives it by hand); only an admin changes it after
             */
            expiresAt?: string;
            /** @description every change of status: from, to, when, by whom or by which automation, and the note given */
            readonly history?: {
                /** Format: date-time */
                at?: string;
                by?: string;
                from?: string;
                note?: string;
                to?: string;
            }[];
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id: string;
            /**
             * Format: date-time
             * @description when it was awarded or renewed: the period (and the CEUs that count toward it) starts then
             */
            issuedAt: string;
            /** @description one credential per person, certification and cycle */
            readonly key?: string;
            /**
             * Format: date-time
             * @description when the credential lapses unless renewed; none once it is no longer current
             */
            readonly lapsesAt?: string;
            /** @description An id of learners; with expand=, the document it names. */
            learner: string | components["schemas"]["Learner"];
            /** @description the certification's level, for reports */
            readonly level?: string;
            /** @description why the status changes: required to reinstate, suspend or revoke; kept in the history */
            note?: string;
            /** @description the certification's path, for reports */
            readonly path?: string;
            /** @description An id of credentials; with expand=, the document it names. */
            previous?: string | components["schemas"]["Credential"];
            /**
             * Format: date-time
             * @description when the renewal window opens (the certification's or level's renewalWindowDays, 90 by default, before expiry); none once the credential is no longer current
             */
            readonly renewalFrom?: string;
            /** @description An id of credentials; with expand=, the document it names. */
            renewedBy?: string | components["schemas"]["Credential"];
            /**
             * @description the status as of this instant: between two sweeps, a credential past its expiry reads lapsed already
             * @enum {unknown}
             */
            readonly state?: "pending" | "active" | "expiring" | "lapsed" | "suspended" | "revoked" | "renewed";
            /**
             * @description pending: awarded, awaiting an admin's confirmation; active; expiring: inside the renewal window; lapsed: expired or maintenance missed; suspended and revoked: by an admin; renewed: the next period's credential has taken over
             * @default active
             * @enum {string}
             */
            status: "pending" | "active" | "expiring" | "lapsed" | "suspended" | "revoked" | "renewed";
            /** @description the id of its current verifiable credential, served at /credentials/{vc}: set when it is issued (at the award, and again at a reinstatement that moves the expiry) */
            vc?: string;
            /**
             * @description the path that led to it: an award (exam, courses, assessment, manual) or a renewal (ceus, maintenance)
             * @enum {unknown}
             */
            via?: "exam" | "courses" | "assessment" | "manual" | "ceus" | "maintenance";
        };
        /** @description A page of documents. */
        CredentialPage: {
            /** @description With explain=true: how the filter was served. */
            explain?: {
                /** @description For an order in memory: what would make the list cheap. */
                advice?: string;
                /** @description The documents read to make the page. */
                examined?: number;
                /** @description The x-index field that chose the candidates; empty for a scan. */
                index?: string;
                /** @description Other x-index fields whose equalities were checked in their index before a document was read. */
                intersect?: string[];
                /** @description Those that passed the filter. */
                matched?: number;
                /**
                 * @description id: the documents' own order; index: a walk of the sort field's index, which stops after the page; memory: every candidate read and sorted.
                 * @enum {string}
                 */
                order?: "id" | "index" | "memory";
            };
            /** @description The documents; with fields=, each holds only the fields asked for. */
            items: (components["schemas"]["Credential"] | components["schemas"]["CredentialPartial"])[];
            /** @description The cursor of the next page; absent on the last page. */
            nextCursor?: string;
        };
        /**
         * Credentials
         * @description One period of a certification held by one person: awarded by an exam, courses, an assessment or by hand, renewed by CEUs or a maintenance course into the credential of the next period, lapsed when it expires unrenewed. Each change of status is in its history.
         *
         *     A document read with fields=: only the fields asked for, id and meta fields come back.
         */
        CredentialPartial: {
            /**
             * Format: date-time
             * @description When the document was created.
             */
            readonly _createdAt: string;
            /** @description The id of the API key that created the document. */
            readonly _createdBy?: string;
            /** @description The x-computed fields that failed on this read, and why; absent when none did. */
            readonly _errors?: components["schemas"]["ComputedError"][];
            /**
             * Format: int64
             * @description The revision, counting from 1.
             */
            readonly _rev: number;
            /**
             * @description In collections with x-publish: draft or published. A create may set it; publish and unpublish change it.
             * @enum {string}
             */
            _status?: "draft" | "published";
            /**
             * Format: date-time
             * @description When the document was last written.
             */
            readonly _updatedAt: string;
            /** @description The id of the API key that wrote this revision. */
            readonly _updatedBy?: string;
            readonly badge?: string;
            /** @description An id of certifications; with expand=, the document it names. */
            certification?: string | components["schemas"]["Certification"];
            /**
             * Format: date-time
             * @description when the CEUs were last counted (an approved or withdrawn activity of the learner)
             */
            ceuCountedAt?: string;
            /**
             * Format: double
             * @description CEUs of the learner's activities approved inside the period (after issuedAt, before expiresAt), toward this certification, each source capped per period where it has a cap
             */
            readonly ceuEarned?: number;
            /**
             * Format: double
             * @description CEUs needed in the period to renew: the certification's, else its level's; 0 when renewal is not by CEUs
             */
            readonly ceuRequired?: number;
            /** @description the credential counts today: for prerequisites, the directory, badges */
            readonly current?: boolean;
            /**
             * Format: int64
             * @description which period of the certification this is: 1 for the award, 2 for the first renewal, and so on
             * @default 1
             */
            cycle: number;
            /** Format: int64 */
            readonly daysLeft?: number;
            /**
             * Format: int64
             * @description days from the learner's joining to this award (the first period only), for reports
             */
            readonly daysToAward?: number;
            /**
             * Format: date-time
             * @description the end of the period: the level's or certification's validity from issuedAt unless given (a renewal gives its predecessor's expiry plus the validity; a manual award of a certification without validity gives it by hand); only an admin changes it after
             */
            expiresAt?: string;
            /** @description every change of status: from, to, when, by whom or by which automation, and the note given */
            readonly history?: {
                /** Format: date-time */
                at?: string;
                by?: string;
                from?: string;
                note?: string;
                to?: string;
            }[];
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id: string;
            /**
             * Format: date-time
             * @description when it was awarded or renewed: the period (and the CEUs that count toward it) starts then
             */
            issuedAt?: string;
            /** @description one credential per person, certification and cycle */
            readonly key?: string;
            /**
             * Format: date-time
             * @description when the credential lapses unless renewed; none once it is no longer current
             */
            readonly lapsesAt?: string;
            /** @description An id of learners; with expand=, the document it names. */
            learner?: string | components["schemas"]["Learner"];
            /** @description the certification's level, for reports */
            readonly level?: string;
            /** @description why the status changes: required to reinstate, suspend or revoke; kept in the history */
            note?: string;
            /** @description the certification's path, for reports */
            readonly path?: string;
            /** @description An id of credentials; with expand=, the document it names. */
            previous?: string | components["schemas"]["Credential"];
            /**
             * Format: date-time
             * @description when the renewal window opens (the certification's or level's renewalWindowDays, 90 by default, before expiry); none once the credential is no longer current
             */
            readonly renewalFrom?: string;
            /** @description An id of credentials; with expand=, the document it names. */
            renewedBy?: string | components["schemas"]["Credential"];
            /**
             * @description the status as of this instant: between two sweeps, a credential past its expiry reads lapsed already
             * @enum {unknown}
             */
            readonly state?: "pending" | "active" | "expiring" | "lapsed" | "suspended" | "revoked" | "renewed";
            /**
             * @description pending: awarded, awaiting an admin's confirmation; active; expiring: inside the renewal window; lapsed: expired or maintenance missed; suspended and revoked: by an admin; renewed: the next period's credential has taken over
             * @default active
             * @enum {string}
             */
            status: "pending" | "active" | "expiring" | "lapsed" | "suspended" | "revoked" | "renewed";
            /** @description the id of its current verifiable credential, served at /credentials/{vc}: set when it is issued (at the award, and again at a reinstatement that moves the expiry) */
            vc?: string;
            /**
             * @description the path that led to it: an award (exam, courses, assessment, manual) or a renewal (ceus, maintenance)
             * @enum {unknown}
             */
            via?: "exam" | "courses" | "assessment" | "manual" | "ceus" | "maintenance";
        };
        /**
         * Directory of certified professionals
         * @description Opt-in public listing, kept by automations from credentials; holds only what is public.
         */
        Directory: {
            /**
             * Format: date-time
             * @description When the document was created.
             */
            readonly _createdAt: string;
            /** @description The id of the API key that created the document. */
            readonly _createdBy?: string;
            /**
             * Format: int64
             * @description The revision, counting from 1.
             */
            readonly _rev: number;
            /**
             * @description In collections with x-publish: draft or published. A create may set it; publish and unpublish change it.
             * @enum {string}
             */
            _status?: "draft" | "published";
            /**
             * Format: date-time
             * @description When the document was last written.
             */
            readonly _updatedAt: string;
            /** @description The id of the API key that wrote this revision. */
            readonly _updatedBy?: string;
            badges?: string[];
            /** @description Ids of certifications; with expand=, the documents they name. */
            certifications?: (string | components["schemas"]["Certification"])[];
            headline?: string;
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id: string;
            /** @description An id of learners; with expand=, the document it names. */
            learner?: string | components["schemas"]["Learner"];
            listed?: boolean;
            name: string;
            /** @description the verification page of each current credential: /credentials/{id} */
            verify?: string[];
        };
        /** @description A page of documents. */
        DirectoryPage: {
            /** @description With explain=true: how the filter was served. */
            explain?: {
                /** @description For an order in memory: what would make the list cheap. */
                advice?: string;
                /** @description The documents read to make the page. */
                examined?: number;
                /** @description The x-index field that chose the candidates; empty for a scan. */
                index?: string;
                /** @description Other x-index fields whose equalities were checked in their index before a document was read. */
                intersect?: string[];
                /** @description Those that passed the filter. */
                matched?: number;
                /**
                 * @description id: the documents' own order; index: a walk of the sort field's index, which stops after the page; memory: every candidate read and sorted.
                 * @enum {string}
                 */
                order?: "id" | "index" | "memory";
            };
            /** @description The documents; with fields=, each holds only the fields asked for. */
            items: (components["schemas"]["Directory"] | components["schemas"]["DirectoryPartial"])[];
            /** @description The cursor of the next page; absent on the last page. */
            nextCursor?: string;
        };
        /**
         * Directory of certified professionals
         * @description Opt-in public listing, kept by automations from credentials; holds only what is public.
         *
         *     A document read with fields=: only the fields asked for, id and meta fields come back.
         */
        DirectoryPartial: {
            /**
             * Format: date-time
             * @description When the document was created.
             */
            readonly _createdAt: string;
            /** @description The id of the API key that created the document. */
            readonly _createdBy?: string;
            /**
             * Format: int64
             * @description The revision, counting from 1.
             */
            readonly _rev: number;
            /**
             * @description In collections with x-publish: draft or published. A create may set it; publish and unpublish change it.
             * @enum {string}
             */
            _status?: "draft" | "published";
            /**
             * Format: date-time
             * @description When the document was last written.
             */
            readonly _updatedAt: string;
            /** @description The id of the API key that wrote this revision. */
            readonly _updatedBy?: string;
            badges?: string[];
            /** @description Ids of certifications; with expand=, the documents they name. */
            certifications?: (string | components["schemas"]["Certification"])[];
            headline?: string;
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id: string;
            /** @description An id of learners; with expand=, the document it names. */
            learner?: string | components["schemas"]["Learner"];
            listed?: boolean;
            name?: string;
            /** @description the verification page of each current credential: /credentials/{id} */
            verify?: string[];
        };
        /** Exams */
        Exam: {
            /**
             * Format: date-time
             * @description When the document was created.
             */
            readonly _createdAt: string;
            /** @description The id of the API key that created the document. */
            readonly _createdBy?: string;
            /** @description The x-computed fields that failed on this read, and why; absent when none did. */
            readonly _errors?: components["schemas"]["ComputedError"][];
            /**
             * Format: int64
             * @description The revision, counting from 1.
             */
            readonly _rev: number;
            /**
             * @description In collections with x-publish: draft or published. A create may set it; publish and unpublish change it.
             * @enum {string}
             */
            _status?: "draft" | "published";
            /**
             * Format: date-time
             * @description When the document was last written.
             */
            readonly _updatedAt: string;
            /** @description The id of the API key that wrote this revision. */
            readonly _updatedBy?: string;
            /** @description draw the questions in proportion to competency weights (each question has one competency); the counts add up to questionCount */
            blueprint?: {
                competency: string;
                /** Format: double */
                weight: number;
            }[];
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id: string;
            /** @description An id of levels; with expand=, the document it names. */
            level: string | components["schemas"]["Level"];
            /** Format: int64 */
            maxAttempts: number;
            /**
             * Format: double
             * @description percent
             */
            passingScore: number;
            /** @description An id of paths; with expand=, the document it names. */
            path: string | components["schemas"]["Path"];
            /**
             * Format: int64
             * @description certification points for passing
             */
            points?: number;
            /** @description which questions of the path the draw takes from */
            pool?: {
                difficulties?: ("easy" | "medium" | "hard")[];
                tags?: string[];
            };
            /**
             * Format: int64
             * @description for editors: how many questions the pool holds for the draw of questionCount
             */
            readonly poolSize?: number;
            /** Format: int64 */
            questionCount: number;
            /** Format: int64 */
            timeLimitMinutes: number;
            title: string;
        };
        /** @description A page of documents. */
        ExamPage: {
            /** @description With explain=true: how the filter was served. */
            explain?: {
                /** @description For an order in memory: what would make the list cheap. */
                advice?: string;
                /** @description The documents read to make the page. */
                examined?: number;
                /** @description The x-index field that chose the candidates; empty for a scan. */
                index?: string;
                /** @description Other x-index fields whose equalities were checked in their index before a document was read. */
                intersect?: string[];
                /** @description Those that passed the filter. */
                matched?: number;
                /**
                 * @description id: the documents' own order; index: a walk of the sort field's index, which stops after the page; memory: every candidate read and sorted.
                 * @enum {string}
                 */
                order?: "id" | "index" | "memory";
            };
            /** @description The documents; with fields=, each holds only the fields asked for. */
            items: (components["schemas"]["Exam"] | components["schemas"]["ExamPartial"])[];
            /** @description The cursor of the next page; absent on the last page. */
            nextCursor?: string;
        };
        /**
         * Exams
         * @description A document read with fields=: only the fields asked for, id and meta fields come back.
         */
        ExamPartial: {
            /**
             * Format: date-time
             * @description When the document was created.
             */
            readonly _createdAt: string;
            /** @description The id of the API key that created the document. */
            readonly _createdBy?: string;
            /** @description The x-computed fields that failed on this read, and why; absent when none did. */
            readonly _errors?: components["schemas"]["ComputedError"][];
            /**
             * Format: int64
             * @description The revision, counting from 1.
             */
            readonly _rev: number;
            /**
             * @description In collections with x-publish: draft or published. A create may set it; publish and unpublish change it.
             * @enum {string}
             */
            _status?: "draft" | "published";
            /**
             * Format: date-time
             * @description When the document was last written.
             */
            readonly _updatedAt: string;
            /** @description The id of the API key that wrote this revision. */
            readonly _updatedBy?: string;
            /** @description draw the questions in proportion to competency weights (each question has one competency); the counts add up to questionCount */
            blueprint?: {
                competency: string;
                /** Format: double */
                weight: number;
            }[];
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id: string;
            /** @description An id of levels; with expand=, the document it names. */
            level?: string | components["schemas"]["Level"];
            /** Format: int64 */
            maxAttempts?: number;
            /**
             * Format: double
             * @description percent
             */
            passingScore?: number;
            /** @description An id of paths; with expand=, the document it names. */
            path?: string | components["schemas"]["Path"];
            /**
             * Format: int64
             * @description certification points for passing
             */
            points?: number;
            /** @description which questions of the path the draw takes from */
            pool?: {
                difficulties?: ("easy" | "medium" | "hard")[];
                tags?: string[];
            };
            /**
             * Format: int64
             * @description for editors: how many questions the pool holds for the draw of questionCount
             */
            readonly poolSize?: number;
            /** Format: int64 */
            questionCount?: number;
            /** Format: int64 */
            timeLimitMinutes?: number;
            title?: string;
        };
        /** NPS feedback */
        Feedback: {
            /**
             * Format: date-time
             * @description When the document was created.
             */
            readonly _createdAt: string;
            /** @description The id of the API key that created the document. */
            readonly _createdBy?: string;
            /**
             * Format: int64
             * @description The revision, counting from 1.
             */
            readonly _rev: number;
            /**
             * @description In collections with x-publish: draft or published. A create may set it; publish and unpublish change it.
             * @enum {string}
             */
            _status?: "draft" | "published";
            /**
             * Format: date-time
             * @description When the document was last written.
             */
            readonly _updatedAt: string;
            /** @description The id of the API key that wrote this revision. */
            readonly _updatedBy?: string;
            /** @description An id of attempts; with expand=, the document it names. */
            attempt: string | components["schemas"]["Attempt"];
            readonly category?: string;
            comment?: string;
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id: string;
            /** @description An id of learners; with expand=, the document it names. */
            learner?: string | components["schemas"]["Learner"];
            /** Format: int64 */
            score: number;
        };
        /** NPS feedback */
        FeedbackInput: {
            attempt: string;
            comment?: string;
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id?: string;
            learner?: string;
            /** Format: int64 */
            score: number;
        };
        /** @description A page of documents. */
        FeedbackPage: {
            /** @description With explain=true: how the filter was served. */
            explain?: {
                /** @description For an order in memory: what would make the list cheap. */
                advice?: string;
                /** @description The documents read to make the page. */
                examined?: number;
                /** @description The x-index field that chose the candidates; empty for a scan. */
                index?: string;
                /** @description Other x-index fields whose equalities were checked in their index before a document was read. */
                intersect?: string[];
                /** @description Those that passed the filter. */
                matched?: number;
                /**
                 * @description id: the documents' own order; index: a walk of the sort field's index, which stops after the page; memory: every candidate read and sorted.
                 * @enum {string}
                 */
                order?: "id" | "index" | "memory";
            };
            /** @description The documents; with fields=, each holds only the fields asked for. */
            items: (components["schemas"]["Feedback"] | components["schemas"]["FeedbackPartial"])[];
            /** @description The cursor of the next page; absent on the last page. */
            nextCursor?: string;
        };
        /**
         * NPS feedback
         * @description A document read with fields=: only the fields asked for, id and meta fields come back.
         */
        FeedbackPartial: {
            /**
             * Format: date-time
             * @description When the document was created.
             */
            readonly _createdAt: string;
            /** @description The id of the API key that created the document. */
            readonly _createdBy?: string;
            /**
             * Format: int64
             * @description The revision, counting from 1.
             */
            readonly _rev: number;
            /**
             * @description In collections with x-publish: draft or published. A create may set it; publish and unpublish change it.
             * @enum {string}
             */
            _status?: "draft" | "published";
            /**
             * Format: date-time
             * @description When the document was last written.
             */
            readonly _updatedAt: string;
            /** @description The id of the API key that wrote this revision. */
            readonly _updatedBy?: string;
            /** @description An id of attempts; with expand=, the document it names. */
            attempt?: string | components["schemas"]["Attempt"];
            readonly category?: string;
            comment?: string;
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id: string;
            /** @description An id of learners; with expand=, the document it names. */
            learner?: string | components["schemas"]["Learner"];
            /** Format: int64 */
            score?: number;
        };
        /** @description One failure at a place in the request. */
        FieldError: {
            /** @description What is wrong, for a person. */
            message: string;
            /** @description A JSON Pointer (RFC 6901) to the failing value; empty for the whole document. */
            path: string;
        };
        Health: {
            /** @enum {string} */
            status: "ok";
        };
        /** @description The classical item analysis of scored responses. */
        ItemAnalysis: {
            /** @description By item id. */
            items: {
                /**
                 * Format: double
                 * @description The mean share of its points earned (the proportion correct): high is easy.
                 */
                difficulty: number;
                /**
                 * Format: double
                 * @description The corrected point-biserial: its score's correlation with the rest of the response's score; null when either does not vary.
                 */
                discrimination: number | null;
                flags: {
                    /** @enum {string} */
                    code: "few-responses" | "hard" | "easy" | "low-discrimination" | "negative-discrimination" | "unused-distractor" | "distractor-over-key";
                    /** @description For a person. */
                    detail: string;
                }[];
                /** @description The item's id. */
                item: string;
                /**
                 * Format: double
                 * @description The most points it gave.
                 */
                max: number;
                /** @description Keys first. */
                options?: {
                    /** Format: int64 */
                    count: number;
                    /** @description A correct option. */
                    key: boolean;
                    option: string;
                    /**
                     * Format: double
                     * @description Count over the responses that saw the item.
                     */
                    proportion: number;
                }[];
                /**
                 * Format: int64
                 * @description The responses it was in.
                 */
                seen: number;
            }[];
            /**
             * Format: int64
             * @description The responses read.
             */
            responses: number;
            /** @description The responses' total scores. */
            test: {
                /**
                 * Format: double
                 * @description Cronbach's alpha (KR-20 when every item scores 0 or its maximum).
                 */
                alpha: number | null;
                /** @description Ten bins of percent score. */
                distribution: {
                    /** Format: int64 */
                    count: number;
                    /** Format: int64 */
                    from: number;
                    /** Format: int64 */
                    to: number;
                }[];
                /**
                 * Format: double
                 * @description The mean number of items a response saw.
                 */
                itemsPerResponse: number;
                /** @description Every item is dichotomous: alpha is KR-20. */
                kr20: boolean;
                /** Format: double */
                max: number;
                /** Format: double */
                mean: number;
                /**
                 * Format: double
                 * @description The mean of score over points possible, in percent.
                 */
                meanPercent: number;
                /** Format: double */
                median: number;
                /** Format: double */
                min: number;
                /**
                 * Format: double
                 * @description The share of passes among the responses with a boolean pass field.
                 */
                passRate: number | null;
                /**
                 * Format: double
                 * @description The sample standard deviation.
                 */
                sd: number;
                /**
                 * Format: double
                 * @description The standard error of measurement: sd * sqrt(1 - alpha).
                 */
                sem: number | null;
            };
        };
        /** Learners */
        Learner: {
            /**
             * Format: date-time
             * @description When the document was created.
             */
            readonly _createdAt: string;
            /** @description The id of the API key that created the document. */
            readonly _createdBy?: string;
            /** @description The x-computed fields that failed on this read, and why; absent when none did. */
            readonly _errors?: components["schemas"]["ComputedError"][];
            /**
             * Format: int64
             * @description The revision, counting from 1.
             */
            readonly _rev: number;
            /**
             * @description In collections with x-publish: draft or published. A create may set it; publish and unpublish change it.
             * @enum {string}
             */
            _status?: "draft" | "published";
            /**
             * Format: date-time
             * @description When the document was last written.
             */
            readonly _updatedAt: string;
            /** @description The id of the API key that wrote this revision. */
            readonly _updatedBy?: string;
            /** @description the subject of the key that signed up, which is also the profile's id: one profile per key */
            readonly account?: string;
            /** @description listed in the public directory while certified */
            directoryOptIn?: boolean;
            /** Format: email */
            email: string;
            /**
             * Format: date
             * @description since when the learner has worked with the product, as staff confirmed it: it counts toward prerequisites
             */
            experienceSince?: string;
            headline?: string;
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id: string;
            /** Format: date-time */
            readonly joinedAt?: string;
            /** @description the highest Synerise level the points unlock */
            readonly level?: string;
            name: string;
            /** @description An id of organizations; with expand=, the document it names. */
            organization?: string | components["schemas"]["Organization"];
            /**
             * Format: int64
             * @description certification points: each passed exam once, however often it was passed, and approved activities
             */
            readonly points?: number;
            /**
             * @description the audience a learner belongs to; staff set it
             * @default customer
             * @enum {unknown}
             */
            segment: "customer" | "partner" | "employee";
        };
        /** Learners */
        LearnerInput: {
            /** @description listed in the public directory while certified */
            directoryOptIn?: boolean;
            /** Format: email */
            email: string;
            /**
             * Format: date
             * @description since when the learner has worked with the product, as staff confirmed it: it counts toward prerequisites
             */
            experienceSince?: string;
            headline?: string;
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id?: string;
            name: string;
            /** @description the organization the learner works for; staff set it */
            organization?: string;
            /**
             * @description the audience a learner belongs to; staff set it
             *
             *     Default: `"customer"`, set by the server when a create leaves it out.
             * @enum {unknown}
             */
            segment?: "customer" | "partner" | "employee";
        };
        /** @description A page of documents. */
        LearnerPage: {
            /** @description With explain=true: how the filter was served. */
            explain?: {
                /** @description For an order in memory: what would make the list cheap. */
                advice?: string;
                /** @description The documents read to make the page. */
                examined?: number;
                /** @description The x-index field that chose the candidates; empty for a scan. */
                index?: string;
                /** @description Other x-index fields whose equalities were checked in their index before a document was read. */
                intersect?: string[];
                /** @description Those that passed the filter. */
                matched?: number;
                /**
                 * @description id: the documents' own order; index: a walk of the sort field's index, which stops after the page; memory: every candidate read and sorted.
                 * @enum {string}
                 */
                order?: "id" | "index" | "memory";
            };
            /** @description The documents; with fields=, each holds only the fields asked for. */
            items: (components["schemas"]["Learner"] | components["schemas"]["LearnerPartial"])[];
            /** @description The cursor of the next page; absent on the last page. */
            nextCursor?: string;
        };
        /**
         * Learners
         * @description A document read with fields=: only the fields asked for, id and meta fields come back.
         */
        LearnerPartial: {
            /**
             * Format: date-time
             * @description When the document was created.
             */
            readonly _createdAt: string;
            /** @description The id of the API key that created the document. */
            readonly _createdBy?: string;
            /** @description The x-computed fields that failed on this read, and why; absent when none did. */
            readonly _errors?: components["schemas"]["ComputedError"][];
            /**
             * Format: int64
             * @description The revision, counting from 1.
             */
            readonly _rev: number;
            /**
             * @description In collections with x-publish: draft or published. A create may set it; publish and unpublish change it.
             * @enum {string}
             */
            _status?: "draft" | "published";
            /**
             * Format: date-time
             * @description When the document was last written.
             */
            readonly _updatedAt: string;
            /** @description The id of the API key that wrote this revision. */
            readonly _updatedBy?: string;
            /** @description the subject of the key that signed up, which is also the profile's id: one profile per key */
            readonly account?: string;
            /** @description listed in the public directory while certified */
            directoryOptIn?: boolean;
            /** Format: email */
            email?: string;
            /**
             * Format: date
             * @description since when the learner has worked with the product, as staff confirmed it: it counts toward prerequisites
             */
            experienceSince?: string;
            headline?: string;
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id: string;
            /** Format: date-time */
            readonly joinedAt?: string;
            /** @description the highest Synerise level the points unlock */
            readonly level?: string;
            name?: string;
            /** @description An id of organizations; with expand=, the document it names. */
            organization?: string | components["schemas"]["Organization"];
            /**
             * Format: int64
             * @description certification points: each passed exam once, however often it was passed, and approved activities
             */
            readonly points?: number;
            /**
             * @description the audience a learner belongs to; staff set it
             * @default customer
             * @enum {unknown}
             */
            segment: "customer" | "partner" | "employee";
        };
        /**
         * Learners
         * @description A JSON Merge Patch (RFC 7396) of the document: every field optional, null removes a field that is not required.
         */
        LearnerPatch: {
            /** @description listed in the public directory while certified */
            directoryOptIn?: boolean | null;
            /** Format: email */
            email?: string;
            /**
             * Format: date
             * @description since when the learner has worked with the product, as staff confirmed it: it counts toward prerequisites
             */
            experienceSince?: string | null;
            headline?: string | null;
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id?: string;
            name?: string;
            /** @description the organization the learner works for; staff set it */
            organization?: string | null;
            segment?: ("customer" | "partner" | "employee") | null;
        };
        /** Levels */
        Level: {
            /**
             * Format: date-time
             * @description When the document was created.
             */
            readonly _createdAt: string;
            /** @description The id of the API key that created the document. */
            readonly _createdBy?: string;
            /**
             * Format: int64
             * @description The revision, counting from 1.
             */
            readonly _rev: number;
            /**
             * @description In collections with x-publish: draft or published. A create may set it; publish and unpublish change it.
             * @enum {string}
             */
            _status?: "draft" | "published";
            /**
             * Format: date-time
             * @description When the document was last written.
             */
            readonly _updatedAt: string;
            /** @description The id of the API key that wrote this revision. */
            readonly _updatedBy?: string;
            /** @enum {unknown} */
            badge?: "bronze" | "silver" | "gold" | "platinum";
            /**
             * Format: int64
             * @description CEUs needed per validity period to recertify
             */
            ceuRequired?: number;
            /** Format: int64 */
            experienceMonths?: number;
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id: string;
            /** Format: int64 */
            order: number;
            /**
             * Format: int64
             * @description certification points that unlock the level (gamification)
             */
            pointsRequired?: number;
            /** @description An id of programs; with expand=, the document it names. */
            program: string | components["schemas"]["Program"];
            /**
             * Format: int64
             * @description days before expiry when renewal opens and reminders start (90 by default)
             */
            renewalWindowDays?: number;
            title: string;
            /**
             * Format: int64
             * @description how long a credential at this level is valid
             */
            validityMonths?: number;
        };
        /** @description A page of documents. */
        LevelPage: {
            /** @description With explain=true: how the filter was served. */
            explain?: {
                /** @description For an order in memory: what would make the list cheap. */
                advice?: string;
                /** @description The documents read to make the page. */
                examined?: number;
                /** @description The x-index field that chose the candidates; empty for a scan. */
                index?: string;
                /** @description Other x-index fields whose equalities were checked in their index before a document was read. */
                intersect?: string[];
                /** @description Those that passed the filter. */
                matched?: number;
                /**
                 * @description id: the documents' own order; index: a walk of the sort field's index, which stops after the page; memory: every candidate read and sorted.
                 * @enum {string}
                 */
                order?: "id" | "index" | "memory";
            };
            /** @description The documents; with fields=, each holds only the fields asked for. */
            items: (components["schemas"]["Level"] | components["schemas"]["LevelPartial"])[];
            /** @description The cursor of the next page; absent on the last page. */
            nextCursor?: string;
        };
        /**
         * Levels
         * @description A document read with fields=: only the fields asked for, id and meta fields come back.
         */
        LevelPartial: {
            /**
             * Format: date-time
             * @description When the document was created.
             */
            readonly _createdAt: string;
            /** @description The id of the API key that created the document. */
            readonly _createdBy?: string;
            /**
             * Format: int64
             * @description The revision, counting from 1.
             */
            readonly _rev: number;
            /**
             * @description In collections with x-publish: draft or published. A create may set it; publish and unpublish change it.
             * @enum {string}
             */
            _status?: "draft" | "published";
            /**
             * Format: date-time
             * @description When the document was last written.
             */
            readonly _updatedAt: string;
            /** @description The id of the API key that wrote this revision. */
            readonly _updatedBy?: string;
            /** @enum {unknown} */
            badge?: "bronze" | "silver" | "gold" | "platinum";
            /**
             * Format: int64
             * @description CEUs needed per validity period to recertify
             */
            ceuRequired?: number;
            /** Format: int64 */
            experienceMonths?: number;
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id: string;
            /** Format: int64 */
            order?: number;
            /**
             * Format: int64
             * @description certification points that unlock the level (gamification)
             */
            pointsRequired?: number;
            /** @description An id of programs; with expand=, the document it names. */
            program?: string | components["schemas"]["Program"];
            /**
             * Format: int64
             * @description days before expiry when renewal opens and reminders start (90 by default)
             */
            renewalWindowDays?: number;
            title?: string;
            /**
             * Format: int64
             * @description how long a credential at this level is valid
             */
            validityMonths?: number;
        };
        /**
         * Maintenance enrolments
         * @description Enrolment of a certified person in the current maintenance course, with its deadline.
         */
        Maintenance: {
            /**
             * Format: date-time
             * @description When the document was created.
             */
            readonly _createdAt: string;
            /** @description The id of the API key that created the document. */
            readonly _createdBy?: string;
            /**
             * Format: int64
             * @description The revision, counting from 1.
             */
            readonly _rev: number;
            /**
             * @description In collections with x-publish: draft or published. A create may set it; publish and unpublish change it.
             * @enum {string}
             */
            _status?: "draft" | "published";
            /**
             * Format: date-time
             * @description When the document was last written.
             */
            readonly _updatedAt: string;
            /** @description The id of the API key that wrote this revision. */
            readonly _updatedBy?: string;
            /** Format: date-time */
            completedAt?: string;
            /** @description An id of courses; with expand=, the document it names. */
            course: string | components["schemas"]["Course"];
            /** @description An id of credentials; with expand=, the document it names. */
            credential: string | components["schemas"]["Credential"];
            /** Format: date-time */
            deadline: string;
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id: string;
            /** @description An id of learners; with expand=, the document it names. */
            learner: string | components["schemas"]["Learner"];
            /**
             * @default enrolled
             * @enum {string}
             */
            status: "enrolled" | "completed" | "missed";
        };
        /** @description A page of documents. */
        MaintenancePage: {
            /** @description With explain=true: how the filter was served. */
            explain?: {
                /** @description For an order in memory: what would make the list cheap. */
                advice?: string;
                /** @description The documents read to make the page. */
                examined?: number;
                /** @description The x-index field that chose the candidates; empty for a scan. */
                index?: string;
                /** @description Other x-index fields whose equalities were checked in their index before a document was read. */
                intersect?: string[];
                /** @description Those that passed the filter. */
                matched?: number;
                /**
                 * @description id: the documents' own order; index: a walk of the sort field's index, which stops after the page; memory: every candidate read and sorted.
                 * @enum {string}
                 */
                order?: "id" | "index" | "memory";
            };
            /** @description The documents; with fields=, each holds only the fields asked for. */
            items: (components["schemas"]["Maintenance"] | components["schemas"]["MaintenancePartial"])[];
            /** @description The cursor of the next page; absent on the last page. */
            nextCursor?: string;
        };
        /**
         * Maintenance enrolments
         * @description Enrolment of a certified person in the current maintenance course, with its deadline.
         *
         *     A document read with fields=: only the fields asked for, id and meta fields come back.
         */
        MaintenancePartial: {
            /**
             * Format: date-time
             * @description When the document was created.
             */
            readonly _createdAt: string;
            /** @description The id of the API key that created the document. */
            readonly _createdBy?: string;
            /**
             * Format: int64
             * @description The revision, counting from 1.
             */
            readonly _rev: number;
            /**
             * @description In collections with x-publish: draft or published. A create may set it; publish and unpublish change it.
             * @enum {string}
             */
            _status?: "draft" | "published";
            /**
             * Format: date-time
             * @description When the document was last written.
             */
            readonly _updatedAt: string;
            /** @description The id of the API key that wrote this revision. */
            readonly _updatedBy?: string;
            /** Format: date-time */
            completedAt?: string;
            /** @description An id of courses; with expand=, the document it names. */
            course?: string | components["schemas"]["Course"];
            /** @description An id of credentials; with expand=, the document it names. */
            credential?: string | components["schemas"]["Credential"];
            /** Format: date-time */
            deadline?: string;
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id: string;
            /** @description An id of learners; with expand=, the document it names. */
            learner?: string | components["schemas"]["Learner"];
            /**
             * @default enrolled
             * @enum {string}
             */
            status: "enrolled" | "completed" | "missed";
        };
        /**
         * Messages
         * @description One document per message, webhook call or failed action: its status (queued, sent, delivered, opened, failed), attempts and errors. Recipients read their own.
         */
        Message: {
            /**
             * Format: date-time
             * @description When the document was created.
             */
            readonly _createdAt: string;
            /** @description The id of the API key that created the document. */
            readonly _createdBy?: string;
            /**
             * Format: int64
             * @description The revision, counting from 1.
             */
            readonly _rev: number;
            /**
             * @description In collections with x-publish: draft or published. A create may set it; publish and unpublish change it.
             * @enum {string}
             */
            _status?: "draft" | "published";
            /**
             * Format: date-time
             * @description When the document was last written.
             */
            readonly _updatedAt: string;
            /** @description The id of the API key that wrote this revision. */
            readonly _updatedBy?: string;
            /** Format: int64 */
            action?: number;
            /** Format: int64 */
            attempts?: number;
            automation?: string;
            /** @enum {string} */
            channel: "email" | "log" | "webhook" | "action";
            /** Format: date-time */
            deliveredAt?: string;
            digestKey?: string;
            digestOf?: string[];
            /** @description collection/id of the document the message is about */
            document?: string;
            error?: string;
            /** @description the event: collection/id/rev/op, or the schedule's */
            event?: string;
            /** Format: date-time */
            failedAt?: string;
            html?: string;
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id: string;
            log?: {
                /** Format: date-time */
                at?: string;
                /** Format: int64 */
                code?: number;
                error?: string;
                /** Format: int64 */
                ms?: number;
            }[];
            mergedInto?: string;
            name?: string;
            /** Format: date-time */
            nextAttemptAt?: string;
            /** Format: date-time */
            openedAt?: string;
            payload?: unknown;
            /** @description who the message is for: the subject of their key */
            recipient?: string;
            /** Format: date-time */
            sendAfter?: string;
            /** Format: date-time */
            sentAt?: string;
            /** @enum {string} */
            status: "queued" | "sent" | "delivered" | "opened" | "failed";
            subject?: string;
            template?: string;
            text?: string;
            /** @description the address: an e-mail address or a webhook URL */
            to?: string;
            webhook?: string;
        };
        /** @description A page of documents. */
        MessagePage: {
            /** @description With explain=true: how the filter was served. */
            explain?: {
                /** @description For an order in memory: what would make the list cheap. */
                advice?: string;
                /** @description The documents read to make the page. */
                examined?: number;
                /** @description The x-index field that chose the candidates; empty for a scan. */
                index?: string;
                /** @description Other x-index fields whose equalities were checked in their index before a document was read. */
                intersect?: string[];
                /** @description Those that passed the filter. */
                matched?: number;
                /**
                 * @description id: the documents' own order; index: a walk of the sort field's index, which stops after the page; memory: every candidate read and sorted.
                 * @enum {string}
                 */
                order?: "id" | "index" | "memory";
            };
            /** @description The documents; with fields=, each holds only the fields asked for. */
            items: (components["schemas"]["Message"] | components["schemas"]["MessagePartial"])[];
            /** @description The cursor of the next page; absent on the last page. */
            nextCursor?: string;
        };
        /**
         * Messages
         * @description One document per message, webhook call or failed action: its status (queued, sent, delivered, opened, failed), attempts and errors. Recipients read their own.
         *
         *     A document read with fields=: only the fields asked for, id and meta fields come back.
         */
        MessagePartial: {
            /**
             * Format: date-time
             * @description When the document was created.
             */
            readonly _createdAt: string;
            /** @description The id of the API key that created the document. */
            readonly _createdBy?: string;
            /**
             * Format: int64
             * @description The revision, counting from 1.
             */
            readonly _rev: number;
            /**
             * @description In collections with x-publish: draft or published. A create may set it; publish and unpublish change it.
             * @enum {string}
             */
            _status?: "draft" | "published";
            /**
             * Format: date-time
             * @description When the document was last written.
             */
            readonly _updatedAt: string;
            /** @description The id of the API key that wrote this revision. */
            readonly _updatedBy?: string;
            /** Format: int64 */
            action?: number;
            /** Format: int64 */
            attempts?: number;
            automation?: string;
            /** @enum {string} */
            channel?: "email" | "log" | "webhook" | "action";
            /** Format: date-time */
            deliveredAt?: string;
            digestKey?: string;
            digestOf?: string[];
            /** @description collection/id of the document the message is about */
            document?: string;
            error?: string;
            /** @description the event: collection/id/rev/op, or the schedule's */
            event?: string;
            /** Format: date-time */
            failedAt?: string;
            html?: string;
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id: string;
            log?: {
                /** Format: date-time */
                at?: string;
                /** Format: int64 */
                code?: number;
                error?: string;
                /** Format: int64 */
                ms?: number;
            }[];
            mergedInto?: string;
            name?: string;
            /** Format: date-time */
            nextAttemptAt?: string;
            /** Format: date-time */
            openedAt?: string;
            payload?: unknown;
            /** @description who the message is for: the subject of their key */
            recipient?: string;
            /** Format: date-time */
            sendAfter?: string;
            /** Format: date-time */
            sentAt?: string;
            /** @enum {string} */
            status?: "queued" | "sent" | "delivered" | "opened" | "failed";
            subject?: string;
            template?: string;
            text?: string;
            /** @description the address: an e-mail address or a webhook URL */
            to?: string;
            webhook?: string;
        };
        /**
         * Organization credentials
         * @description Organization certifications, awarded manually, with start and end dates.
         */
        OrgCredential: {
            /**
             * Format: date-time
             * @description When the document was created.
             */
            readonly _createdAt: string;
            /** @description The id of the API key that created the document. */
            readonly _createdBy?: string;
            /** @description The x-computed fields that failed on this read, and why; absent when none did. */
            readonly _errors?: components["schemas"]["ComputedError"][];
            /**
             * Format: int64
             * @description The revision, counting from 1.
             */
            readonly _rev: number;
            /**
             * @description In collections with x-publish: draft or published. A create may set it; publish and unpublish change it.
             * @enum {string}
             */
            _status?: "draft" | "published";
            /**
             * Format: date-time
             * @description When the document was last written.
             */
            readonly _updatedAt: string;
            /** @description The id of the API key that wrote this revision. */
            readonly _updatedBy?: string;
            /** @description An id of certifications; with expand=, the document it names. */
            certification: string | components["schemas"]["Certification"];
            readonly current?: boolean;
            /** Format: date */
            endsAt?: string;
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id: string;
            /** @description An id of organizations; with expand=, the document it names. */
            organization: string | components["schemas"]["Organization"];
            /** Format: date */
            startsAt: string;
        };
        /** @description A page of documents. */
        OrgCredentialPage: {
            /** @description With explain=true: how the filter was served. */
            explain?: {
                /** @description For an order in memory: what would make the list cheap. */
                advice?: string;
                /** @description The documents read to make the page. */
                examined?: number;
                /** @description The x-index field that chose the candidates; empty for a scan. */
                index?: string;
                /** @description Other x-index fields whose equalities were checked in their index before a document was read. */
                intersect?: string[];
                /** @description Those that passed the filter. */
                matched?: number;
                /**
                 * @description id: the documents' own order; index: a walk of the sort field's index, which stops after the page; memory: every candidate read and sorted.
                 * @enum {string}
                 */
                order?: "id" | "index" | "memory";
            };
            /** @description The documents; with fields=, each holds only the fields asked for. */
            items: (components["schemas"]["OrgCredential"] | components["schemas"]["OrgCredentialPartial"])[];
            /** @description The cursor of the next page; absent on the last page. */
            nextCursor?: string;
        };
        /**
         * Organization credentials
         * @description Organization certifications, awarded manually, with start and end dates.
         *
         *     A document read with fields=: only the fields asked for, id and meta fields come back.
         */
        OrgCredentialPartial: {
            /**
             * Format: date-time
             * @description When the document was created.
             */
            readonly _createdAt: string;
            /** @description The id of the API key that created the document. */
            readonly _createdBy?: string;
            /** @description The x-computed fields that failed on this read, and why; absent when none did. */
            readonly _errors?: components["schemas"]["ComputedError"][];
            /**
             * Format: int64
             * @description The revision, counting from 1.
             */
            readonly _rev: number;
            /**
             * @description In collections with x-publish: draft or published. A create may set it; publish and unpublish change it.
             * @enum {string}
             */
            _status?: "draft" | "published";
            /**
             * Format: date-time
             * @description When the document was last written.
             */
            readonly _updatedAt: string;
            /** @description The id of the API key that wrote this revision. */
            readonly _updatedBy?: string;
            /** @description An id of certifications; with expand=, the document it names. */
            certification?: string | components["schemas"]["Certification"];
            readonly current?: boolean;
            /** Format: date */
            endsAt?: string;
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id: string;
            /** @description An id of organizations; with expand=, the document it names. */
            organization?: string | components["schemas"]["Organization"];
            /** Format: date */
            startsAt?: string;
        };
        /** Organizations */
        Organization: {
            /**
             * Format: date-time
             * @description When the document was created.
             */
            readonly _createdAt: string;
            /** @description The id of the API key that created the document. */
            readonly _createdBy?: string;
            /**
             * Format: int64
             * @description The revision, counting from 1.
             */
            readonly _rev: number;
            /**
             * @description In collections with x-publish: draft or published. A create may set it; publish and unpublish change it.
             * @enum {string}
             */
            _status?: "draft" | "published";
            /**
             * Format: date-time
             * @description When the document was last written.
             */
            readonly _updatedAt: string;
            /** @description The id of the API key that wrote this revision. */
            readonly _updatedBy?: string;
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id: string;
            name: string;
            /** Format: uri */
            website?: string;
        };
        /** @description A page of documents. */
        OrganizationPage: {
            /** @description With explain=true: how the filter was served. */
            explain?: {
                /** @description For an order in memory: what would make the list cheap. */
                advice?: string;
                /** @description The documents read to make the page. */
                examined?: number;
                /** @description The x-index field that chose the candidates; empty for a scan. */
                index?: string;
                /** @description Other x-index fields whose equalities were checked in their index before a document was read. */
                intersect?: string[];
                /** @description Those that passed the filter. */
                matched?: number;
                /**
                 * @description id: the documents' own order; index: a walk of the sort field's index, which stops after the page; memory: every candidate read and sorted.
                 * @enum {string}
                 */
                order?: "id" | "index" | "memory";
            };
            /** @description The documents; with fields=, each holds only the fields asked for. */
            items: (components["schemas"]["Organization"] | components["schemas"]["OrganizationPartial"])[];
            /** @description The cursor of the next page; absent on the last page. */
            nextCursor?: string;
        };
        /**
         * Organizations
         * @description A document read with fields=: only the fields asked for, id and meta fields come back.
         */
        OrganizationPartial: {
            /**
             * Format: date-time
             * @description When the document was created.
             */
            readonly _createdAt: string;
            /** @description The id of the API key that created the document. */
            readonly _createdBy?: string;
            /**
             * Format: int64
             * @description The revision, counting from 1.
             */
            readonly _rev: number;
            /**
             * @description In collections with x-publish: draft or published. A create may set it; publish and unpublish change it.
             * @enum {string}
             */
            _status?: "draft" | "published";
            /**
             * Format: date-time
             * @description When the document was last written.
             */
            readonly _updatedAt: string;
            /** @description The id of the API key that wrote this revision. */
            readonly _updatedBy?: string;
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id: string;
            name?: string;
            /** Format: uri */
            website?: string;
        };
        /** Pages */
        Page: {
            /**
             * Format: date-time
             * @description When the document was created.
             */
            readonly _createdAt: string;
            /** @description The id of the API key that created the document. */
            readonly _createdBy?: string;
            /**
             * Format: int64
             * @description The revision, counting from 1.
             */
            readonly _rev: number;
            /**
             * @description In collections with x-publish: draft or published. A create may set it; publish and unpublish change it.
             * @enum {string}
             */
            _status?: "draft" | "published";
            /**
             * Format: date-time
             * @description When the document was last written.
             */
            readonly _updatedAt: string;
            /** @description The id of the API key that wrote this revision. */
            readonly _updatedBy?: string;
            /** @description Ids of certifications; with expand=, the documents they name. */
            certifications?: (string | components["schemas"]["Certification"])[];
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id: string;
            intro?: string;
            /** @description An id of programs; with expand=, the document it names. */
            program?: string | components["schemas"]["Program"];
            /** @description Ids of sections; with expand=, the documents they name. */
            sections?: (string | components["schemas"]["Section"])[];
            title: string;
        };
        /** @description A page of documents. */
        PagePage: {
            /** @description With explain=true: how the filter was served. */
            explain?: {
                /** @description For an order in memory: what would make the list cheap. */
                advice?: string;
                /** @description The documents read to make the page. */
                examined?: number;
                /** @description The x-index field that chose the candidates; empty for a scan. */
                index?: string;
                /** @description Other x-index fields whose equalities were checked in their index before a document was read. */
                intersect?: string[];
                /** @description Those that passed the filter. */
                matched?: number;
                /**
                 * @description id: the documents' own order; index: a walk of the sort field's index, which stops after the page; memory: every candidate read and sorted.
                 * @enum {string}
                 */
                order?: "id" | "index" | "memory";
            };
            /** @description The documents; with fields=, each holds only the fields asked for. */
            items: (components["schemas"]["Page"] | components["schemas"]["PagePartial"])[];
            /** @description The cursor of the next page; absent on the last page. */
            nextCursor?: string;
        };
        /**
         * Pages
         * @description A document read with fields=: only the fields asked for, id and meta fields come back.
         */
        PagePartial: {
            /**
             * Format: date-time
             * @description When the document was created.
             */
            readonly _createdAt: string;
            /** @description The id of the API key that created the document. */
            readonly _createdBy?: string;
            /**
             * Format: int64
             * @description The revision, counting from 1.
             */
            readonly _rev: number;
            /**
             * @description In collections with x-publish: draft or published. A create may set it; publish and unpublish change it.
             * @enum {string}
             */
            _status?: "draft" | "published";
            /**
             * Format: date-time
             * @description When the document was last written.
             */
            readonly _updatedAt: string;
            /** @description The id of the API key that wrote this revision. */
            readonly _updatedBy?: string;
            /** @description Ids of certifications; with expand=, the documents they name. */
            certifications?: (string | components["schemas"]["Certification"])[];
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id: string;
            intro?: string;
            /** @description An id of programs; with expand=, the document it names. */
            program?: string | components["schemas"]["Program"];
            /** @description Ids of sections; with expand=, the documents they name. */
            sections?: (string | components["schemas"]["Section"])[];
            title?: string;
        };
        /** Paths */
        Path: {
            /**
             * Format: date-time
             * @description When the document was created.
             */
            readonly _createdAt: string;
            /** @description The id of the API key that created the document. */
            readonly _createdBy?: string;
            /**
             * Format: int64
             * @description The revision, counting from 1.
             */
            readonly _rev: number;
            /**
             * @description In collections with x-publish: draft or published. A create may set it; publish and unpublish change it.
             * @enum {string}
             */
            _status?: "draft" | "published";
            /**
             * Format: date-time
             * @description When the document was last written.
             */
            readonly _updatedAt: string;
            /** @description The id of the API key that wrote this revision. */
            readonly _updatedBy?: string;
            description?: string;
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id: string;
            /** @description An id of programs; with expand=, the document it names. */
            program: string | components["schemas"]["Program"];
            title: string;
        };
        /** @description A page of documents. */
        PathPage: {
            /** @description With explain=true: how the filter was served. */
            explain?: {
                /** @description For an order in memory: what would make the list cheap. */
                advice?: string;
                /** @description The documents read to make the page. */
                examined?: number;
                /** @description The x-index field that chose the candidates; empty for a scan. */
                index?: string;
                /** @description Other x-index fields whose equalities were checked in their index before a document was read. */
                intersect?: string[];
                /** @description Those that passed the filter. */
                matched?: number;
                /**
                 * @description id: the documents' own order; index: a walk of the sort field's index, which stops after the page; memory: every candidate read and sorted.
                 * @enum {string}
                 */
                order?: "id" | "index" | "memory";
            };
            /** @description The documents; with fields=, each holds only the fields asked for. */
            items: (components["schemas"]["Path"] | components["schemas"]["PathPartial"])[];
            /** @description The cursor of the next page; absent on the last page. */
            nextCursor?: string;
        };
        /**
         * Paths
         * @description A document read with fields=: only the fields asked for, id and meta fields come back.
         */
        PathPartial: {
            /**
             * Format: date-time
             * @description When the document was created.
             */
            readonly _createdAt: string;
            /** @description The id of the API key that created the document. */
            readonly _createdBy?: string;
            /**
             * Format: int64
             * @description The revision, counting from 1.
             */
            readonly _rev: number;
            /**
             * @description In collections with x-publish: draft or published. A create may set it; publish and unpublish change it.
             * @enum {string}
             */
            _status?: "draft" | "published";
            /**
             * Format: date-time
             * @description When the document was last written.
             */
            readonly _updatedAt: string;
            /** @description The id of the API key that wrote this revision. */
            readonly _updatedBy?: string;
            description?: string;
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id: string;
            /** @description An id of programs; with expand=, the document it names. */
            program?: string | components["schemas"]["Program"];
            title?: string;
        };
        /** @description An error, as RFC 9457 problem details. Some problems carry more members, such as line, column and snippet for a formula. */
        Problem: {
            /** @description What went wrong, for a person. */
            detail?: string;
            /** @description The failing fields, for a document or schema that does not hold. */
            errors?: components["schemas"]["FieldError"][];
            /** @description The path of the request. */
            instance?: string;
            /** @description The request's id, as in the logs. */
            requestId?: string;
            /** @description The HTTP status code. */
            status: number;
            /** @description The HTTP status text. */
            title: string;
            /** @description A URI that names the kind of problem, such as urn:credence:problem:invalid. */
            type: string;
        } & {
            [key: string]: unknown;
        };
        /** Programs */
        Program: {
            /**
             * Format: date-time
             * @description When the document was created.
             */
            readonly _createdAt: string;
            /** @description The id of the API key that created the document. */
            readonly _createdBy?: string;
            /**
             * Format: int64
             * @description The revision, counting from 1.
             */
            readonly _rev: number;
            /**
             * @description In collections with x-publish: draft or published. A create may set it; publish and unpublish change it.
             * @enum {string}
             */
            _status?: "draft" | "published";
            /**
             * Format: date-time
             * @description When the document was last written.
             */
            readonly _updatedAt: string;
            /** @description The id of the API key that wrote this revision. */
            readonly _updatedBy?: string;
            description?: string;
            /**
             * Format: email
             * @description the program's contact, named in the credentials it issues
             */
            email?: string;
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id: string;
            /**
             * Format: uri
             * @description the program's logo, named in the credentials it issues
             */
            image?: string;
            /** @description the organization running the program */
            owner?: string;
            title: string;
            /**
             * Format: uri
             * @description the program's site, named in the credentials it issues
             */
            url?: string;
        };
        /** @description A page of documents. */
        ProgramPage: {
            /** @description With explain=true: how the filter was served. */
            explain?: {
                /** @description For an order in memory: what would make the list cheap. */
                advice?: string;
                /** @description The documents read to make the page. */
                examined?: number;
                /** @description The x-index field that chose the candidates; empty for a scan. */
                index?: string;
                /** @description Other x-index fields whose equalities were checked in their index before a document was read. */
                intersect?: string[];
                /** @description Those that passed the filter. */
                matched?: number;
                /**
                 * @description id: the documents' own order; index: a walk of the sort field's index, which stops after the page; memory: every candidate read and sorted.
                 * @enum {string}
                 */
                order?: "id" | "index" | "memory";
            };
            /** @description The documents; with fields=, each holds only the fields asked for. */
            items: (components["schemas"]["Program"] | components["schemas"]["ProgramPartial"])[];
            /** @description The cursor of the next page; absent on the last page. */
            nextCursor?: string;
        };
        /**
         * Programs
         * @description A document read with fields=: only the fields asked for, id and meta fields come back.
         */
        ProgramPartial: {
            /**
             * Format: date-time
             * @description When the document was created.
             */
            readonly _createdAt: string;
            /** @description The id of the API key that created the document. */
            readonly _createdBy?: string;
            /**
             * Format: int64
             * @description The revision, counting from 1.
             */
            readonly _rev: number;
            /**
             * @description In collections with x-publish: draft or published. A create may set it; publish and unpublish change it.
             * @enum {string}
             */
            _status?: "draft" | "published";
            /**
             * Format: date-time
             * @description When the document was last written.
             */
            readonly _updatedAt: string;
            /** @description The id of the API key that wrote this revision. */
            readonly _updatedBy?: string;
            description?: string;
            /**
             * Format: email
             * @description the program's contact, named in the credentials it issues
             */
            email?: string;
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id: string;
            /**
             * Format: uri
             * @description the program's logo, named in the credentials it issues
             */
            image?: string;
            /** @description the organization running the program */
            owner?: string;
            title?: string;
            /**
             * Format: uri
             * @description the program's site, named in the credentials it issues
             */
            url?: string;
        };
        /** Questions */
        Question: {
            /**
             * Format: date-time
             * @description When the document was created.
             */
            readonly _createdAt: string;
            /** @description The id of the API key that created the document. */
            readonly _createdBy?: string;
            /**
             * Format: int64
             * @description The revision, counting from 1.
             */
            readonly _rev: number;
            /**
             * @description In collections with x-publish: draft or published. A create may set it; publish and unpublish change it.
             * @enum {string}
             */
            _status?: "draft" | "published";
            /**
             * Format: date-time
             * @description When the document was last written.
             */
            readonly _updatedAt: string;
            /** @description The id of the API key that wrote this revision. */
            readonly _updatedBy?: string;
            /** @description the competency the question assesses, which an exam's blueprint weighs */
            competency?: string;
            /** @enum {unknown} */
            difficulty?: "easy" | "medium" | "hard";
            /** @enum {unknown} */
            format: "single" | "multiple" | "open";
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id: string;
            /**
             * Format: uri
             * @description the URL of an image shown with the question
             */
            image?: string;
            options?: {
                id: string;
                text: string;
            }[];
            /** @description An id of paths; with expand=, the document it names. */
            path: string | components["schemas"]["Path"];
            /**
             * @description an image shown with the question, uploaded
             *
             *     A file (x-file): upload it with POST .../files/{field}, read it with GET.
             */
            picture?: {
                /**
                 * Format: int64
                 * @description An image's height in pixels.
                 */
                height?: number;
                /** @description The file's name as uploaded. */
                name?: string;
                /** @description The SHA-256 of the file's bytes, hex: the file's id. */
                sha256: string;
                /**
                 * Format: int64
                 * @description Its size in bytes.
                 */
                size?: number;
                /** @description Its media type, read from its bytes. */
                type?: string;
                /**
                 * Format: int64
                 * @description An image's width in pixels.
                 */
                width?: number;
            };
            /** Format: int64 */
            points: number;
            tags?: string[];
            text: string;
        };
        /** @description A page of documents. */
        QuestionPage: {
            /** @description With explain=true: how the filter was served. */
            explain?: {
                /** @description For an order in memory: what would make the list cheap. */
                advice?: string;
                /** @description The documents read to make the page. */
                examined?: number;
                /** @description The x-index field that chose the candidates; empty for a scan. */
                index?: string;
                /** @description Other x-index fields whose equalities were checked in their index before a document was read. */
                intersect?: string[];
                /** @description Those that passed the filter. */
                matched?: number;
                /**
                 * @description id: the documents' own order; index: a walk of the sort field's index, which stops after the page; memory: every candidate read and sorted.
                 * @enum {string}
                 */
                order?: "id" | "index" | "memory";
            };
            /** @description The documents; with fields=, each holds only the fields asked for. */
            items: (components["schemas"]["Question"] | components["schemas"]["QuestionPartial"])[];
            /** @description The cursor of the next page; absent on the last page. */
            nextCursor?: string;
        };
        /**
         * Questions
         * @description A document read with fields=: only the fields asked for, id and meta fields come back.
         */
        QuestionPartial: {
            /**
             * Format: date-time
             * @description When the document was created.
             */
            readonly _createdAt: string;
            /** @description The id of the API key that created the document. */
            readonly _createdBy?: string;
            /**
             * Format: int64
             * @description The revision, counting from 1.
             */
            readonly _rev: number;
            /**
             * @description In collections with x-publish: draft or published. A create may set it; publish and unpublish change it.
             * @enum {string}
             */
            _status?: "draft" | "published";
            /**
             * Format: date-time
             * @description When the document was last written.
             */
            readonly _updatedAt: string;
            /** @description The id of the API key that wrote this revision. */
            readonly _updatedBy?: string;
            /** @description the competency the question assesses, which an exam's blueprint weighs */
            competency?: string;
            /** @enum {unknown} */
            difficulty?: "easy" | "medium" | "hard";
            /** @enum {unknown} */
            format?: "single" | "multiple" | "open";
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id: string;
            /**
             * Format: uri
             * @description the URL of an image shown with the question
             */
            image?: string;
            options?: {
                id: string;
                text: string;
            }[];
            /** @description An id of paths; with expand=, the document it names. */
            path?: string | components["schemas"]["Path"];
            /**
             * @description an image shown with the question, uploaded
             *
             *     A file (x-file): upload it with POST .../files/{field}, read it with GET.
             */
            picture?: {
                /**
                 * Format: int64
                 * @description An image's height in pixels.
                 */
                height?: number;
                /** @description The file's name as uploaded. */
                name?: string;
                /** @description The SHA-256 of the file's bytes, hex: the file's id. */
                sha256: string;
                /**
                 * Format: int64
                 * @description Its size in bytes.
                 */
                size?: number;
                /** @description Its media type, read from its bytes. */
                type?: string;
                /**
                 * Format: int64
                 * @description An image's width in pixels.
                 */
                width?: number;
            };
            /** Format: int64 */
            points?: number;
            tags?: string[];
            text?: string;
        };
        /** @description A page of the documents that refer to a document. */
        ReferrerPage: {
            items: {
                /** @description The collection of the referring document. */
                collection: string;
                /** @description Its id. */
                id: string;
                /** @description The JSON Pointer of the referring property. */
                path: string;
            }[];
            /** @description The cursor of the next page; absent on the last page. */
            nextCursor?: string;
        };
        /** Page sections */
        Section: {
            /**
             * Format: date-time
             * @description When the document was created.
             */
            readonly _createdAt: string;
            /** @description The id of the API key that created the document. */
            readonly _createdBy?: string;
            /**
             * Format: int64
             * @description The revision, counting from 1.
             */
            readonly _rev: number;
            /**
             * @description In collections with x-publish: draft or published. A create may set it; publish and unpublish change it.
             * @enum {string}
             */
            _status?: "draft" | "published";
            /**
             * Format: date-time
             * @description When the document was last written.
             */
            readonly _updatedAt: string;
            /** @description The id of the API key that wrote this revision. */
            readonly _updatedBy?: string;
            body?: string;
            heading: string;
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id: string;
            /** Format: uri */
            image?: string;
            /** @description Ids of paths; with expand=, the documents they name. */
            paths?: (string | components["schemas"]["Path"])[];
            /** @description shown only to these segments; to everyone when empty */
            segments?: ("customer" | "partner" | "employee")[];
        };
        /** @description A page of documents. */
        SectionPage: {
            /** @description With explain=true: how the filter was served. */
            explain?: {
                /** @description For an order in memory: what would make the list cheap. */
                advice?: string;
                /** @description The documents read to make the page. */
                examined?: number;
                /** @description The x-index field that chose the candidates; empty for a scan. */
                index?: string;
                /** @description Other x-index fields whose equalities were checked in their index before a document was read. */
                intersect?: string[];
                /** @description Those that passed the filter. */
                matched?: number;
                /**
                 * @description id: the documents' own order; index: a walk of the sort field's index, which stops after the page; memory: every candidate read and sorted.
                 * @enum {string}
                 */
                order?: "id" | "index" | "memory";
            };
            /** @description The documents; with fields=, each holds only the fields asked for. */
            items: (components["schemas"]["Section"] | components["schemas"]["SectionPartial"])[];
            /** @description The cursor of the next page; absent on the last page. */
            nextCursor?: string;
        };
        /**
         * Page sections
         * @description A document read with fields=: only the fields asked for, id and meta fields come back.
         */
        SectionPartial: {
            /**
             * Format: date-time
             * @description When the document was created.
             */
            readonly _createdAt: string;
            /** @description The id of the API key that created the document. */
            readonly _createdBy?: string;
            /**
             * Format: int64
             * @description The revision, counting from 1.
             */
            readonly _rev: number;
            /**
             * @description In collections with x-publish: draft or published. A create may set it; publish and unpublish change it.
             * @enum {string}
             */
            _status?: "draft" | "published";
            /**
             * Format: date-time
             * @description When the document was last written.
             */
            readonly _updatedAt: string;
            /** @description The id of the API key that wrote this revision. */
            readonly _updatedBy?: string;
            body?: string;
            heading?: string;
            /** @description The document's id: given on create, or generated (sortable, URL-safe). */
            id: string;
            /** Format: uri */
            image?: string;
            /** @description Ids of paths; with expand=, the documents they name. */
            paths?: (string | components["schemas"]["Path"])[];
            /** @description shown only to these segments; to everyone when empty */
            segments?: ("customer" | "partner" | "employee")[];
        };
    };
    responses: {
        /** @description The request is malformed: bad JSON, a bad parameter or an invalid id. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description A conflict: a duplicate id or unique value, or a document still referred to. */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The caller's role may not do this. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No such collection, document or revision. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description If-Match does not match the document's current ETag. */
        PreconditionFailed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is over the size limit. */
        RequestEntityTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The store cannot be reached for now; a write may or may not have been applied. */
        ServiceUnavailable: {
            headers: {
                /** @description Seconds to wait before trying again. */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Too many requests for this API key, or too many failed authentications from the caller's address; wait Retry-After seconds. */
        TooManyRequests: {
            headers: {
                /** @description Seconds to wait before trying again. */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The API key is missing where one is needed, not valid, revoked or expired. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The document does not hold: the errors list every failing field. */
        UnprocessableEntity: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is not JSON. */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        /** @description Makes the write happen at most once: a write repeated with the same key changes nothing and answers with the document as it stands. */
        "Idempotency-Key": string;
        /** @description Write only if the document's current ETag is this one (412 otherwise). */
        "If-Match": string;
        /** @description On a read, an ETag: 304 when it is still current. On a PUT, * creates only. */
        "If-None-Match": string;
        /** @description A date field and a unit: `startedAt:day`; units are hour, day, week (from Monday), month and year. */
        bucket: string;
        /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
        cursor: string;
        /** @description Comma-separated references (x-ref) to resolve into the documents they name, through dots for deeper levels: `level,exams.questions`; `*` for every reference one level deep. A document the caller may not see stays an id. */
        expand: string;
        /** @description How many references deep expand paths may go: 3 by default, at most 10. */
        expandDepth: number;
        /** @description true adds explain to the page: which index served the filter and how many documents were examined and matched. */
        explain: boolean;
        /** @description Comma-separated top-level fields to return; id and meta fields always come back. */
        fields: string;
        /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
        filter: string;
        /** @description Comma-separated top-level or meta fields whose values make the groups: `path,level`. */
        groupBy: string;
        /** @description The document's id. */
        id: string;
        /** @description The array field of item results (item, score, max, choices, key, options): items by default. */
        items: string;
        /** @description The largest number of documents in the page. */
        limit: number;
        /** @description Comma-separated metrics: count; sum, avg, min, max, pNN (p50, p90), rate (the share of true) and distinct of a field: `count,avg:score,rate:passed`. count by default. */
        metrics: string;
        /** @description How many responses an item needs before it is flagged: 20 by default. */
        minSeen: number;
        /** @description The boolean field of a pass: passed by default. */
        passed: string;
        /** @description true reads drafts too, in collections with x-publish (editors and admins). */
        preview: boolean;
        /** @description The revision number, from 1. */
        rev: number;
        /** @description Comma-separated fields to sort by, each with - for descending; meta fields such as _createdAt too: `-passingScore,title`. Id order when absent. */
        sort: string;
        /** @description The IANA time zone buckets are cut in: `Europe/Warsaw`; UTC by default. */
        tz: string;
    };
    requestBodies: never;
    headers: {
        /** @description An opaque validator of the document as it stands (a quoted hash, not the revision number): give it back as received in If-Match or If-None-Match. */
        ETag: string;
        /** @description The URL of the created document. */
        Location: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    streamEvents: {
        parameters: {
            query?: {
                /** @description Comma-separated collections to listen to; all when absent. */
                collections?: string;
                /** @description Only this document (with one collection). */
                id?: string;
                /** @description Only the documents this formula holds for, as the caller sees them (with one collection), as a list's filter; a document that comes to hold it is created, one that stops deleted. */
                filter?: string;
                /** @description As the Last-Event-ID header, for clients that cannot set it. */
                lastEventId?: string;
                /** @description A ticket from POST /api/_events/ticket, for clients that cannot send an Authorization header (the browser's EventSource): the stream is its caller's. A stream opened so ends after an hour; resume it with a new ticket and lastEventId. */
                ticket?: string;
            };
            header?: {
                /** @description The id of the last event received: the stream resumes after it. */
                "Last-Event-ID"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A stream of text/event-stream events: `id` (resume after it), `event` (created, updated, deleted or resync) and `data` (JSON, the schema in x-credence-event-data). Comments (`: ping`) every 15 s keep it open. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    eventTicket: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The ticket. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description It opens a stream until then (a minute).
                         */
                        expiresAt: string;
                        /** @description Pass it as ?ticket= to GET /api/_events. */
                        ticket: string;
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listMessages: {
        parameters: {
            query?: {
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description Comma-separated fields to sort by, each with - for descending; meta fields such as _createdAt too: `-passingScore,title`. Id order when absent. */
                sort?: components["parameters"]["sort"];
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
                /** @description Comma-separated top-level fields to return; id and meta fields always come back. */
                fields?: components["parameters"]["fields"];
                /** @description true adds explain to the page: which index served the filter and how many documents were examined and matched. */
                explain?: components["parameters"]["explain"];
                /** @description Comma-separated references (x-ref) to resolve into the documents they name, through dots for deeper levels: `level,exams.questions`; `*` for every reference one level deep. A document the caller may not see stays an id. */
                expand?: components["parameters"]["expand"];
                /** @description How many references deep expand paths may go: 3 by default, at most 10. */
                expandDepth?: components["parameters"]["expandDepth"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of documents. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessagePage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    aggregateMessages: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level or meta fields whose values make the groups: `path,level`. */
                groupBy?: components["parameters"]["groupBy"];
                /** @description A date field and a unit: `startedAt:day`; units are hour, day, week (from Monday), month and year. */
                bucket?: components["parameters"]["bucket"];
                /** @description The IANA time zone buckets are cut in: `Europe/Warsaw`; UTC by default. */
                tz?: components["parameters"]["tz"];
                /** @description Comma-separated metrics: count; sum, avg, min, max, pNN (p50, p90), rate (the share of true) and distinct of a field: `count,avg:score,rate:passed`. count by default. */
                metrics?: components["parameters"]["metrics"];
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description true adds explain to the page: which index served the filter and how many documents were examined and matched. */
                explain?: components["parameters"]["explain"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The groups and their metrics. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Aggregate"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    aggregateMessagesCSV: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level or meta fields whose values make the groups: `path,level`. */
                groupBy?: components["parameters"]["groupBy"];
                /** @description A date field and a unit: `startedAt:day`; units are hour, day, week (from Monday), month and year. */
                bucket?: components["parameters"]["bucket"];
                /** @description The IANA time zone buckets are cut in: `Europe/Warsaw`; UTC by default. */
                tz?: components["parameters"]["tz"];
                /** @description Comma-separated metrics: count; sum, avg, min, max, pNN (p50, p90), rate (the share of true) and distinct of a field: `count,avg:score,rate:passed`. count by default. */
                metrics?: components["parameters"]["metrics"];
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rows as CSV: a column per group field, the bucket, then a column per metric. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    analyzeMessageItems: {
        parameters: {
            query?: {
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description The array field of item results (item, score, max, choices, key, options): items by default. */
                items?: components["parameters"]["items"];
                /** @description The boolean field of a pass: passed by default. */
                passed?: components["parameters"]["passed"];
                /** @description How many responses an item needs before it is flagged: 20 by default. */
                minSeen?: components["parameters"]["minSeen"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The item analysis. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ItemAnalysis"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getMessage: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level fields to return; id and meta fields always come back. */
                fields?: components["parameters"]["fields"];
                /** @description Comma-separated references (x-ref) to resolve into the documents they name, through dots for deeper levels: `level,exams.questions`; `*` for every reference one level deep. A document the caller may not see stays an id. */
                expand?: components["parameters"]["expand"];
                /** @description How many references deep expand paths may go: 3 by default, at most 10. */
                expandDepth?: components["parameters"]["expandDepth"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: {
                /** @description On a read, an ETag: 304 when it is still current. On a PUT, * creates only. */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document; with fields=, only the fields asked for. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"] | components["schemas"]["MessagePartial"];
                };
            };
            /** @description Not modified: the ETag given in If-None-Match is still current. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listMessageReferrers: {
        parameters: {
            query?: {
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of referrers. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferrerPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listMessageRevisions: {
        parameters: {
            query?: {
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of revisions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessagePage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getMessageRevision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
                /** @description The revision number, from 1. */
                rev: components["parameters"]["rev"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revision. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listActivities: {
        parameters: {
            query?: {
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description Comma-separated fields to sort by, each with - for descending; meta fields such as _createdAt too: `-passingScore,title`. Id order when absent. */
                sort?: components["parameters"]["sort"];
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
                /** @description Comma-separated top-level fields to return; id and meta fields always come back. */
                fields?: components["parameters"]["fields"];
                /** @description true adds explain to the page: which index served the filter and how many documents were examined and matched. */
                explain?: components["parameters"]["explain"];
                /** @description Comma-separated references (x-ref) to resolve into the documents they name, through dots for deeper levels: `level,exams.questions`; `*` for every reference one level deep. A document the caller may not see stays an id. */
                expand?: components["parameters"]["expand"];
                /** @description How many references deep expand paths may go: 3 by default, at most 10. */
                expandDepth?: components["parameters"]["expandDepth"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of documents. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createActivity: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the write happen at most once: a write repeated with the same key changes nothing and answers with the document as it stands. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ActivityInput"];
            };
        };
        responses: {
            /** @description Already created with this Idempotency-Key: the document as it stands. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Activity"];
                };
            };
            /** @description Created. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Activity"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["RequestEntityTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    aggregateActivities: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level or meta fields whose values make the groups: `path,level`. */
                groupBy?: components["parameters"]["groupBy"];
                /** @description A date field and a unit: `startedAt:day`; units are hour, day, week (from Monday), month and year. */
                bucket?: components["parameters"]["bucket"];
                /** @description The IANA time zone buckets are cut in: `Europe/Warsaw`; UTC by default. */
                tz?: components["parameters"]["tz"];
                /** @description Comma-separated metrics: count; sum, avg, min, max, pNN (p50, p90), rate (the share of true) and distinct of a field: `count,avg:score,rate:passed`. count by default. */
                metrics?: components["parameters"]["metrics"];
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description true adds explain to the page: which index served the filter and how many documents were examined and matched. */
                explain?: components["parameters"]["explain"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The groups and their metrics. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Aggregate"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    aggregateActivitiesCSV: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level or meta fields whose values make the groups: `path,level`. */
                groupBy?: components["parameters"]["groupBy"];
                /** @description A date field and a unit: `startedAt:day`; units are hour, day, week (from Monday), month and year. */
                bucket?: components["parameters"]["bucket"];
                /** @description The IANA time zone buckets are cut in: `Europe/Warsaw`; UTC by default. */
                tz?: components["parameters"]["tz"];
                /** @description Comma-separated metrics: count; sum, avg, min, max, pNN (p50, p90), rate (the share of true) and distinct of a field: `count,avg:score,rate:passed`. count by default. */
                metrics?: components["parameters"]["metrics"];
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rows as CSV: a column per group field, the bucket, then a column per metric. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    analyzeActivityItems: {
        parameters: {
            query?: {
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description The array field of item results (item, score, max, choices, key, options): items by default. */
                items?: components["parameters"]["items"];
                /** @description The boolean field of a pass: passed by default. */
                passed?: components["parameters"]["passed"];
                /** @description How many responses an item needs before it is flagged: 20 by default. */
                minSeen?: components["parameters"]["minSeen"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The item analysis. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ItemAnalysis"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getActivity: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level fields to return; id and meta fields always come back. */
                fields?: components["parameters"]["fields"];
                /** @description Comma-separated references (x-ref) to resolve into the documents they name, through dots for deeper levels: `level,exams.questions`; `*` for every reference one level deep. A document the caller may not see stays an id. */
                expand?: components["parameters"]["expand"];
                /** @description How many references deep expand paths may go: 3 by default, at most 10. */
                expandDepth?: components["parameters"]["expandDepth"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: {
                /** @description On a read, an ETag: 304 when it is still current. On a PUT, * creates only. */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document; with fields=, only the fields asked for. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Activity"] | components["schemas"]["ActivityPartial"];
                };
            };
            /** @description Not modified: the ETag given in If-None-Match is still current. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    replaceActivity: {
        parameters: {
            query?: never;
            header?: {
                /** @description Write only if the document's current ETag is this one (412 otherwise). */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description On a read, an ETag: 304 when it is still current. On a PUT, * creates only. */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
                /** @description Makes the write happen at most once: a write repeated with the same key changes nothing and answers with the document as it stands. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ActivityInput"];
            };
        };
        responses: {
            /** @description Replaced. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Activity"];
                };
            };
            /** @description Created. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Activity"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["RequestEntityTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    patchActivity: {
        parameters: {
            query?: never;
            header?: {
                /** @description Write only if the document's current ETag is this one (412 otherwise). */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description Makes the write happen at most once: a write repeated with the same key changes nothing and answers with the document as it stands. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/merge-patch+json": components["schemas"]["ActivityPatch"];
            };
        };
        responses: {
            /** @description Patched. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Activity"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["RequestEntityTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    downloadActivityEvidenceFile: {
        parameters: {
            query?: never;
            header?: {
                /** @description On a read, an ETag: 304 when it is still current. On a PUT, * creates only. */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file's bytes, with its media type. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    uploadActivityEvidenceFile: {
        parameters: {
            query?: never;
            header?: {
                /** @description Write only if the document's current ETag is this one (412 otherwise). */
                "If-Match"?: components["parameters"]["If-Match"];
            };
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description The file; its media type is read from its bytes.
                     */
                    file: string;
                };
            };
        };
        responses: {
            /** @description The document, its field naming the file. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Activity"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["RequestEntityTooLarge"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    signedActivityEvidenceFileURL: {
        parameters: {
            query?: {
                /** @description How long the address works: a duration up to 1h, 5m by default. */
                ttl?: string;
            };
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The signed address. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        expiresAt: string;
                        /** @description The file's address, /files/{sha256}?exp=&sig=: it works without a key until expiresAt. */
                        url: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listActivityReferrers: {
        parameters: {
            query?: {
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of referrers. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferrerPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listActivityRevisions: {
        parameters: {
            query?: {
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of revisions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getActivityRevision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
                /** @description The revision number, from 1. */
                rev: components["parameters"]["rev"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revision. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Activity"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listApplications: {
        parameters: {
            query?: {
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description Comma-separated fields to sort by, each with - for descending; meta fields such as _createdAt too: `-passingScore,title`. Id order when absent. */
                sort?: components["parameters"]["sort"];
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
                /** @description Comma-separated top-level fields to return; id and meta fields always come back. */
                fields?: components["parameters"]["fields"];
                /** @description true adds explain to the page: which index served the filter and how many documents were examined and matched. */
                explain?: components["parameters"]["explain"];
                /** @description Comma-separated references (x-ref) to resolve into the documents they name, through dots for deeper levels: `level,exams.questions`; `*` for every reference one level deep. A document the caller may not see stays an id. */
                expand?: components["parameters"]["expand"];
                /** @description How many references deep expand paths may go: 3 by default, at most 10. */
                expandDepth?: components["parameters"]["expandDepth"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of documents. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createApplication: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the write happen at most once: a write repeated with the same key changes nothing and answers with the document as it stands. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApplicationInput"];
            };
        };
        responses: {
            /** @description Already created with this Idempotency-Key: the document as it stands. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Application"];
                };
            };
            /** @description Created. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Application"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["RequestEntityTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    aggregateApplications: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level or meta fields whose values make the groups: `path,level`. */
                groupBy?: components["parameters"]["groupBy"];
                /** @description A date field and a unit: `startedAt:day`; units are hour, day, week (from Monday), month and year. */
                bucket?: components["parameters"]["bucket"];
                /** @description The IANA time zone buckets are cut in: `Europe/Warsaw`; UTC by default. */
                tz?: components["parameters"]["tz"];
                /** @description Comma-separated metrics: count; sum, avg, min, max, pNN (p50, p90), rate (the share of true) and distinct of a field: `count,avg:score,rate:passed`. count by default. */
                metrics?: components["parameters"]["metrics"];
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description true adds explain to the page: which index served the filter and how many documents were examined and matched. */
                explain?: components["parameters"]["explain"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The groups and their metrics. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Aggregate"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    aggregateApplicationsCSV: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level or meta fields whose values make the groups: `path,level`. */
                groupBy?: components["parameters"]["groupBy"];
                /** @description A date field and a unit: `startedAt:day`; units are hour, day, week (from Monday), month and year. */
                bucket?: components["parameters"]["bucket"];
                /** @description The IANA time zone buckets are cut in: `Europe/Warsaw`; UTC by default. */
                tz?: components["parameters"]["tz"];
                /** @description Comma-separated metrics: count; sum, avg, min, max, pNN (p50, p90), rate (the share of true) and distinct of a field: `count,avg:score,rate:passed`. count by default. */
                metrics?: components["parameters"]["metrics"];
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rows as CSV: a column per group field, the bucket, then a column per metric. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    analyzeApplicationItems: {
        parameters: {
            query?: {
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description The array field of item results (item, score, max, choices, key, options): items by default. */
                items?: components["parameters"]["items"];
                /** @description The boolean field of a pass: passed by default. */
                passed?: components["parameters"]["passed"];
                /** @description How many responses an item needs before it is flagged: 20 by default. */
                minSeen?: components["parameters"]["minSeen"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The item analysis. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ItemAnalysis"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getApplication: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level fields to return; id and meta fields always come back. */
                fields?: components["parameters"]["fields"];
                /** @description Comma-separated references (x-ref) to resolve into the documents they name, through dots for deeper levels: `level,exams.questions`; `*` for every reference one level deep. A document the caller may not see stays an id. */
                expand?: components["parameters"]["expand"];
                /** @description How many references deep expand paths may go: 3 by default, at most 10. */
                expandDepth?: components["parameters"]["expandDepth"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: {
                /** @description On a read, an ETag: 304 when it is still current. On a PUT, * creates only. */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document; with fields=, only the fields asked for. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Application"] | components["schemas"]["ApplicationPartial"];
                };
            };
            /** @description Not modified: the ETag given in If-None-Match is still current. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    replaceApplication: {
        parameters: {
            query?: never;
            header?: {
                /** @description Write only if the document's current ETag is this one (412 otherwise). */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description On a read, an ETag: 304 when it is still current. On a PUT, * creates only. */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
                /** @description Makes the write happen at most once: a write repeated with the same key changes nothing and answers with the document as it stands. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApplicationInput"];
            };
        };
        responses: {
            /** @description Replaced. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Application"];
                };
            };
            /** @description Created. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Application"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["RequestEntityTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    patchApplication: {
        parameters: {
            query?: never;
            header?: {
                /** @description Write only if the document's current ETag is this one (412 otherwise). */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description Makes the write happen at most once: a write repeated with the same key changes nothing and answers with the document as it stands. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/merge-patch+json": components["schemas"]["ApplicationPatch"];
            };
        };
        responses: {
            /** @description Patched. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Application"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["RequestEntityTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listApplicationReferrers: {
        parameters: {
            query?: {
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of referrers. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferrerPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listApplicationRevisions: {
        parameters: {
            query?: {
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of revisions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getApplicationRevision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
                /** @description The revision number, from 1. */
                rev: components["parameters"]["rev"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revision. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Application"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listAssessments: {
        parameters: {
            query?: {
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description Comma-separated fields to sort by, each with - for descending; meta fields such as _createdAt too: `-passingScore,title`. Id order when absent. */
                sort?: components["parameters"]["sort"];
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
                /** @description Comma-separated top-level fields to return; id and meta fields always come back. */
                fields?: components["parameters"]["fields"];
                /** @description true adds explain to the page: which index served the filter and how many documents were examined and matched. */
                explain?: components["parameters"]["explain"];
                /** @description Comma-separated references (x-ref) to resolve into the documents they name, through dots for deeper levels: `level,exams.questions`; `*` for every reference one level deep. A document the caller may not see stays an id. */
                expand?: components["parameters"]["expand"];
                /** @description How many references deep expand paths may go: 3 by default, at most 10. */
                expandDepth?: components["parameters"]["expandDepth"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of documents. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssessmentPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    aggregateAssessments: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level or meta fields whose values make the groups: `path,level`. */
                groupBy?: components["parameters"]["groupBy"];
                /** @description A date field and a unit: `startedAt:day`; units are hour, day, week (from Monday), month and year. */
                bucket?: components["parameters"]["bucket"];
                /** @description The IANA time zone buckets are cut in: `Europe/Warsaw`; UTC by default. */
                tz?: components["parameters"]["tz"];
                /** @description Comma-separated metrics: count; sum, avg, min, max, pNN (p50, p90), rate (the share of true) and distinct of a field: `count,avg:score,rate:passed`. count by default. */
                metrics?: components["parameters"]["metrics"];
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description true adds explain to the page: which index served the filter and how many documents were examined and matched. */
                explain?: components["parameters"]["explain"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The groups and their metrics. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Aggregate"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    aggregateAssessmentsCSV: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level or meta fields whose values make the groups: `path,level`. */
                groupBy?: components["parameters"]["groupBy"];
                /** @description A date field and a unit: `startedAt:day`; units are hour, day, week (from Monday), month and year. */
                bucket?: components["parameters"]["bucket"];
                /** @description The IANA time zone buckets are cut in: `Europe/Warsaw`; UTC by default. */
                tz?: components["parameters"]["tz"];
                /** @description Comma-separated metrics: count; sum, avg, min, max, pNN (p50, p90), rate (the share of true) and distinct of a field: `count,avg:score,rate:passed`. count by default. */
                metrics?: components["parameters"]["metrics"];
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rows as CSV: a column per group field, the bucket, then a column per metric. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    analyzeAssessmentItems: {
        parameters: {
            query?: {
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description The array field of item results (item, score, max, choices, key, options): items by default. */
                items?: components["parameters"]["items"];
                /** @description The boolean field of a pass: passed by default. */
                passed?: components["parameters"]["passed"];
                /** @description How many responses an item needs before it is flagged: 20 by default. */
                minSeen?: components["parameters"]["minSeen"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The item analysis. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ItemAnalysis"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getAssessment: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level fields to return; id and meta fields always come back. */
                fields?: components["parameters"]["fields"];
                /** @description Comma-separated references (x-ref) to resolve into the documents they name, through dots for deeper levels: `level,exams.questions`; `*` for every reference one level deep. A document the caller may not see stays an id. */
                expand?: components["parameters"]["expand"];
                /** @description How many references deep expand paths may go: 3 by default, at most 10. */
                expandDepth?: components["parameters"]["expandDepth"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: {
                /** @description On a read, an ETag: 304 when it is still current. On a PUT, * creates only. */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document; with fields=, only the fields asked for. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Assessment"] | components["schemas"]["AssessmentPartial"];
                };
            };
            /** @description Not modified: the ETag given in If-None-Match is still current. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listAssessmentReferrers: {
        parameters: {
            query?: {
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of referrers. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferrerPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listAssessmentRevisions: {
        parameters: {
            query?: {
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of revisions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssessmentPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getAssessmentRevision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
                /** @description The revision number, from 1. */
                rev: components["parameters"]["rev"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revision. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Assessment"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listAttempts: {
        parameters: {
            query?: {
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description Comma-separated fields to sort by, each with - for descending; meta fields such as _createdAt too: `-passingScore,title`. Id order when absent. */
                sort?: components["parameters"]["sort"];
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
                /** @description Comma-separated top-level fields to return; id and meta fields always come back. */
                fields?: components["parameters"]["fields"];
                /** @description true adds explain to the page: which index served the filter and how many documents were examined and matched. */
                explain?: components["parameters"]["explain"];
                /** @description Comma-separated references (x-ref) to resolve into the documents they name, through dots for deeper levels: `level,exams.questions`; `*` for every reference one level deep. A document the caller may not see stays an id. */
                expand?: components["parameters"]["expand"];
                /** @description How many references deep expand paths may go: 3 by default, at most 10. */
                expandDepth?: components["parameters"]["expandDepth"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of documents. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttemptPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createAttempt: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the write happen at most once: a write repeated with the same key changes nothing and answers with the document as it stands. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AttemptInput"];
            };
        };
        responses: {
            /** @description Already created with this Idempotency-Key: the document as it stands. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attempt"];
                };
            };
            /** @description Created. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attempt"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["RequestEntityTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    aggregateAttempts: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level or meta fields whose values make the groups: `path,level`. */
                groupBy?: components["parameters"]["groupBy"];
                /** @description A date field and a unit: `startedAt:day`; units are hour, day, week (from Monday), month and year. */
                bucket?: components["parameters"]["bucket"];
                /** @description The IANA time zone buckets are cut in: `Europe/Warsaw`; UTC by default. */
                tz?: components["parameters"]["tz"];
                /** @description Comma-separated metrics: count; sum, avg, min, max, pNN (p50, p90), rate (the share of true) and distinct of a field: `count,avg:score,rate:passed`. count by default. */
                metrics?: components["parameters"]["metrics"];
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description true adds explain to the page: which index served the filter and how many documents were examined and matched. */
                explain?: components["parameters"]["explain"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The groups and their metrics. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Aggregate"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    aggregateAttemptsCSV: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level or meta fields whose values make the groups: `path,level`. */
                groupBy?: components["parameters"]["groupBy"];
                /** @description A date field and a unit: `startedAt:day`; units are hour, day, week (from Monday), month and year. */
                bucket?: components["parameters"]["bucket"];
                /** @description The IANA time zone buckets are cut in: `Europe/Warsaw`; UTC by default. */
                tz?: components["parameters"]["tz"];
                /** @description Comma-separated metrics: count; sum, avg, min, max, pNN (p50, p90), rate (the share of true) and distinct of a field: `count,avg:score,rate:passed`. count by default. */
                metrics?: components["parameters"]["metrics"];
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rows as CSV: a column per group field, the bucket, then a column per metric. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    analyzeAttemptItems: {
        parameters: {
            query?: {
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description The array field of item results (item, score, max, choices, key, options): items by default. */
                items?: components["parameters"]["items"];
                /** @description The boolean field of a pass: passed by default. */
                passed?: components["parameters"]["passed"];
                /** @description How many responses an item needs before it is flagged: 20 by default. */
                minSeen?: components["parameters"]["minSeen"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The item analysis. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ItemAnalysis"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getAttempt: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level fields to return; id and meta fields always come back. */
                fields?: components["parameters"]["fields"];
                /** @description Comma-separated references (x-ref) to resolve into the documents they name, through dots for deeper levels: `level,exams.questions`; `*` for every reference one level deep. A document the caller may not see stays an id. */
                expand?: components["parameters"]["expand"];
                /** @description How many references deep expand paths may go: 3 by default, at most 10. */
                expandDepth?: components["parameters"]["expandDepth"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: {
                /** @description On a read, an ETag: 304 when it is still current. On a PUT, * creates only. */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document; with fields=, only the fields asked for. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attempt"] | components["schemas"]["AttemptPartial"];
                };
            };
            /** @description Not modified: the ETag given in If-None-Match is still current. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    replaceAttempt: {
        parameters: {
            query?: never;
            header?: {
                /** @description Write only if the document's current ETag is this one (412 otherwise). */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description On a read, an ETag: 304 when it is still current. On a PUT, * creates only. */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
                /** @description Makes the write happen at most once: a write repeated with the same key changes nothing and answers with the document as it stands. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AttemptInput"];
            };
        };
        responses: {
            /** @description Replaced. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attempt"];
                };
            };
            /** @description Created. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attempt"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["RequestEntityTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    patchAttempt: {
        parameters: {
            query?: never;
            header?: {
                /** @description Write only if the document's current ETag is this one (412 otherwise). */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description Makes the write happen at most once: a write repeated with the same key changes nothing and answers with the document as it stands. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/merge-patch+json": components["schemas"]["AttemptPatch"];
            };
        };
        responses: {
            /** @description Patched. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attempt"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["RequestEntityTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listAttemptReferrers: {
        parameters: {
            query?: {
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of referrers. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferrerPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listAttemptRevisions: {
        parameters: {
            query?: {
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of revisions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttemptPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getAttemptRevision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
                /** @description The revision number, from 1. */
                rev: components["parameters"]["rev"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revision. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attempt"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listCertifications: {
        parameters: {
            query?: {
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description Comma-separated fields to sort by, each with - for descending; meta fields such as _createdAt too: `-passingScore,title`. Id order when absent. */
                sort?: components["parameters"]["sort"];
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
                /** @description Comma-separated top-level fields to return; id and meta fields always come back. */
                fields?: components["parameters"]["fields"];
                /** @description true adds explain to the page: which index served the filter and how many documents were examined and matched. */
                explain?: components["parameters"]["explain"];
                /** @description Comma-separated references (x-ref) to resolve into the documents they name, through dots for deeper levels: `level,exams.questions`; `*` for every reference one level deep. A document the caller may not see stays an id. */
                expand?: components["parameters"]["expand"];
                /** @description How many references deep expand paths may go: 3 by default, at most 10. */
                expandDepth?: components["parameters"]["expandDepth"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of documents. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CertificationPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    aggregateCertifications: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level or meta fields whose values make the groups: `path,level`. */
                groupBy?: components["parameters"]["groupBy"];
                /** @description A date field and a unit: `startedAt:day`; units are hour, day, week (from Monday), month and year. */
                bucket?: components["parameters"]["bucket"];
                /** @description The IANA time zone buckets are cut in: `Europe/Warsaw`; UTC by default. */
                tz?: components["parameters"]["tz"];
                /** @description Comma-separated metrics: count; sum, avg, min, max, pNN (p50, p90), rate (the share of true) and distinct of a field: `count,avg:score,rate:passed`. count by default. */
                metrics?: components["parameters"]["metrics"];
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description true adds explain to the page: which index served the filter and how many documents were examined and matched. */
                explain?: components["parameters"]["explain"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The groups and their metrics. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Aggregate"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    aggregateCertificationsCSV: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level or meta fields whose values make the groups: `path,level`. */
                groupBy?: components["parameters"]["groupBy"];
                /** @description A date field and a unit: `startedAt:day`; units are hour, day, week (from Monday), month and year. */
                bucket?: components["parameters"]["bucket"];
                /** @description The IANA time zone buckets are cut in: `Europe/Warsaw`; UTC by default. */
                tz?: components["parameters"]["tz"];
                /** @description Comma-separated metrics: count; sum, avg, min, max, pNN (p50, p90), rate (the share of true) and distinct of a field: `count,avg:score,rate:passed`. count by default. */
                metrics?: components["parameters"]["metrics"];
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rows as CSV: a column per group field, the bucket, then a column per metric. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    analyzeCertificationItems: {
        parameters: {
            query?: {
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description The array field of item results (item, score, max, choices, key, options): items by default. */
                items?: components["parameters"]["items"];
                /** @description The boolean field of a pass: passed by default. */
                passed?: components["parameters"]["passed"];
                /** @description How many responses an item needs before it is flagged: 20 by default. */
                minSeen?: components["parameters"]["minSeen"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The item analysis. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ItemAnalysis"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getCertification: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level fields to return; id and meta fields always come back. */
                fields?: components["parameters"]["fields"];
                /** @description Comma-separated references (x-ref) to resolve into the documents they name, through dots for deeper levels: `level,exams.questions`; `*` for every reference one level deep. A document the caller may not see stays an id. */
                expand?: components["parameters"]["expand"];
                /** @description How many references deep expand paths may go: 3 by default, at most 10. */
                expandDepth?: components["parameters"]["expandDepth"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: {
                /** @description On a read, an ETag: 304 when it is still current. On a PUT, * creates only. */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document; with fields=, only the fields asked for. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Certification"] | components["schemas"]["CertificationPartial"];
                };
            };
            /** @description Not modified: the ETag given in If-None-Match is still current. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listCertificationReferrers: {
        parameters: {
            query?: {
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of referrers. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferrerPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listCertificationRevisions: {
        parameters: {
            query?: {
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of revisions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CertificationPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getCertificationRevision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
                /** @description The revision number, from 1. */
                rev: components["parameters"]["rev"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revision. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Certification"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listCeuSources: {
        parameters: {
            query?: {
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description Comma-separated fields to sort by, each with - for descending; meta fields such as _createdAt too: `-passingScore,title`. Id order when absent. */
                sort?: components["parameters"]["sort"];
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
                /** @description Comma-separated top-level fields to return; id and meta fields always come back. */
                fields?: components["parameters"]["fields"];
                /** @description true adds explain to the page: which index served the filter and how many documents were examined and matched. */
                explain?: components["parameters"]["explain"];
                /** @description Comma-separated references (x-ref) to resolve into the documents they name, through dots for deeper levels: `level,exams.questions`; `*` for every reference one level deep. A document the caller may not see stays an id. */
                expand?: components["parameters"]["expand"];
                /** @description How many references deep expand paths may go: 3 by default, at most 10. */
                expandDepth?: components["parameters"]["expandDepth"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of documents. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CeuSourcePage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    aggregateCeuSources: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level or meta fields whose values make the groups: `path,level`. */
                groupBy?: components["parameters"]["groupBy"];
                /** @description A date field and a unit: `startedAt:day`; units are hour, day, week (from Monday), month and year. */
                bucket?: components["parameters"]["bucket"];
                /** @description The IANA time zone buckets are cut in: `Europe/Warsaw`; UTC by default. */
                tz?: components["parameters"]["tz"];
                /** @description Comma-separated metrics: count; sum, avg, min, max, pNN (p50, p90), rate (the share of true) and distinct of a field: `count,avg:score,rate:passed`. count by default. */
                metrics?: components["parameters"]["metrics"];
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description true adds explain to the page: which index served the filter and how many documents were examined and matched. */
                explain?: components["parameters"]["explain"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The groups and their metrics. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Aggregate"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    aggregateCeuSourcesCSV: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level or meta fields whose values make the groups: `path,level`. */
                groupBy?: components["parameters"]["groupBy"];
                /** @description A date field and a unit: `startedAt:day`; units are hour, day, week (from Monday), month and year. */
                bucket?: components["parameters"]["bucket"];
                /** @description The IANA time zone buckets are cut in: `Europe/Warsaw`; UTC by default. */
                tz?: components["parameters"]["tz"];
                /** @description Comma-separated metrics: count; sum, avg, min, max, pNN (p50, p90), rate (the share of true) and distinct of a field: `count,avg:score,rate:passed`. count by default. */
                metrics?: components["parameters"]["metrics"];
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rows as CSV: a column per group field, the bucket, then a column per metric. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    analyzeCeuSourceItems: {
        parameters: {
            query?: {
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description The array field of item results (item, score, max, choices, key, options): items by default. */
                items?: components["parameters"]["items"];
                /** @description The boolean field of a pass: passed by default. */
                passed?: components["parameters"]["passed"];
                /** @description How many responses an item needs before it is flagged: 20 by default. */
                minSeen?: components["parameters"]["minSeen"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The item analysis. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ItemAnalysis"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getCeuSource: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level fields to return; id and meta fields always come back. */
                fields?: components["parameters"]["fields"];
                /** @description Comma-separated references (x-ref) to resolve into the documents they name, through dots for deeper levels: `level,exams.questions`; `*` for every reference one level deep. A document the caller may not see stays an id. */
                expand?: components["parameters"]["expand"];
                /** @description How many references deep expand paths may go: 3 by default, at most 10. */
                expandDepth?: components["parameters"]["expandDepth"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: {
                /** @description On a read, an ETag: 304 when it is still current. On a PUT, * creates only. */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document; with fields=, only the fields asked for. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CeuSource"] | components["schemas"]["CeuSourcePartial"];
                };
            };
            /** @description Not modified: the ETag given in If-None-Match is still current. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listCeuSourceReferrers: {
        parameters: {
            query?: {
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of referrers. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferrerPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listCeuSourceRevisions: {
        parameters: {
            query?: {
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of revisions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CeuSourcePage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getCeuSourceRevision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
                /** @description The revision number, from 1. */
                rev: components["parameters"]["rev"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revision. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CeuSource"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listCompletions: {
        parameters: {
            query?: {
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description Comma-separated fields to sort by, each with - for descending; meta fields such as _createdAt too: `-passingScore,title`. Id order when absent. */
                sort?: components["parameters"]["sort"];
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
                /** @description Comma-separated top-level fields to return; id and meta fields always come back. */
                fields?: components["parameters"]["fields"];
                /** @description true adds explain to the page: which index served the filter and how many documents were examined and matched. */
                explain?: components["parameters"]["explain"];
                /** @description Comma-separated references (x-ref) to resolve into the documents they name, through dots for deeper levels: `level,exams.questions`; `*` for every reference one level deep. A document the caller may not see stays an id. */
                expand?: components["parameters"]["expand"];
                /** @description How many references deep expand paths may go: 3 by default, at most 10. */
                expandDepth?: components["parameters"]["expandDepth"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of documents. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompletionPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    aggregateCompletions: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level or meta fields whose values make the groups: `path,level`. */
                groupBy?: components["parameters"]["groupBy"];
                /** @description A date field and a unit: `startedAt:day`; units are hour, day, week (from Monday), month and year. */
                bucket?: components["parameters"]["bucket"];
                /** @description The IANA time zone buckets are cut in: `Europe/Warsaw`; UTC by default. */
                tz?: components["parameters"]["tz"];
                /** @description Comma-separated metrics: count; sum, avg, min, max, pNN (p50, p90), rate (the share of true) and distinct of a field: `count,avg:score,rate:passed`. count by default. */
                metrics?: components["parameters"]["metrics"];
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description true adds explain to the page: which index served the filter and how many documents were examined and matched. */
                explain?: components["parameters"]["explain"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The groups and their metrics. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Aggregate"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    aggregateCompletionsCSV: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level or meta fields whose values make the groups: `path,level`. */
                groupBy?: components["parameters"]["groupBy"];
                /** @description A date field and a unit: `startedAt:day`; units are hour, day, week (from Monday), month and year. */
                bucket?: components["parameters"]["bucket"];
                /** @description The IANA time zone buckets are cut in: `Europe/Warsaw`; UTC by default. */
                tz?: components["parameters"]["tz"];
                /** @description Comma-separated metrics: count; sum, avg, min, max, pNN (p50, p90), rate (the share of true) and distinct of a field: `count,avg:score,rate:passed`. count by default. */
                metrics?: components["parameters"]["metrics"];
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rows as CSV: a column per group field, the bucket, then a column per metric. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    analyzeCompletionItems: {
        parameters: {
            query?: {
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description The array field of item results (item, score, max, choices, key, options): items by default. */
                items?: components["parameters"]["items"];
                /** @description The boolean field of a pass: passed by default. */
                passed?: components["parameters"]["passed"];
                /** @description How many responses an item needs before it is flagged: 20 by default. */
                minSeen?: components["parameters"]["minSeen"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The item analysis. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ItemAnalysis"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getCompletion: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level fields to return; id and meta fields always come back. */
                fields?: components["parameters"]["fields"];
                /** @description Comma-separated references (x-ref) to resolve into the documents they name, through dots for deeper levels: `level,exams.questions`; `*` for every reference one level deep. A document the caller may not see stays an id. */
                expand?: components["parameters"]["expand"];
                /** @description How many references deep expand paths may go: 3 by default, at most 10. */
                expandDepth?: components["parameters"]["expandDepth"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: {
                /** @description On a read, an ETag: 304 when it is still current. On a PUT, * creates only. */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document; with fields=, only the fields asked for. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Completion"] | components["schemas"]["CompletionPartial"];
                };
            };
            /** @description Not modified: the ETag given in If-None-Match is still current. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listCompletionReferrers: {
        parameters: {
            query?: {
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of referrers. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferrerPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listCompletionRevisions: {
        parameters: {
            query?: {
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of revisions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompletionPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getCompletionRevision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
                /** @description The revision number, from 1. */
                rev: components["parameters"]["rev"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revision. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Completion"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listCourses: {
        parameters: {
            query?: {
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description Comma-separated fields to sort by, each with - for descending; meta fields such as _createdAt too: `-passingScore,title`. Id order when absent. */
                sort?: components["parameters"]["sort"];
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
                /** @description Comma-separated top-level fields to return; id and meta fields always come back. */
                fields?: components["parameters"]["fields"];
                /** @description true adds explain to the page: which index served the filter and how many documents were examined and matched. */
                explain?: components["parameters"]["explain"];
                /** @description Comma-separated references (x-ref) to resolve into the documents they name, through dots for deeper levels: `level,exams.questions`; `*` for every reference one level deep. A document the caller may not see stays an id. */
                expand?: components["parameters"]["expand"];
                /** @description How many references deep expand paths may go: 3 by default, at most 10. */
                expandDepth?: components["parameters"]["expandDepth"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of documents. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CoursePage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    aggregateCourses: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level or meta fields whose values make the groups: `path,level`. */
                groupBy?: components["parameters"]["groupBy"];
                /** @description A date field and a unit: `startedAt:day`; units are hour, day, week (from Monday), month and year. */
                bucket?: components["parameters"]["bucket"];
                /** @description The IANA time zone buckets are cut in: `Europe/Warsaw`; UTC by default. */
                tz?: components["parameters"]["tz"];
                /** @description Comma-separated metrics: count; sum, avg, min, max, pNN (p50, p90), rate (the share of true) and distinct of a field: `count,avg:score,rate:passed`. count by default. */
                metrics?: components["parameters"]["metrics"];
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description true adds explain to the page: which index served the filter and how many documents were examined and matched. */
                explain?: components["parameters"]["explain"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The groups and their metrics. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Aggregate"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    aggregateCoursesCSV: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level or meta fields whose values make the groups: `path,level`. */
                groupBy?: components["parameters"]["groupBy"];
                /** @description A date field and a unit: `startedAt:day`; units are hour, day, week (from Monday), month and year. */
                bucket?: components["parameters"]["bucket"];
                /** @description The IANA time zone buckets are cut in: `Europe/Warsaw`; UTC by default. */
                tz?: components["parameters"]["tz"];
                /** @description Comma-separated metrics: count; sum, avg, min, max, pNN (p50, p90), rate (the share of true) and distinct of a field: `count,avg:score,rate:passed`. count by default. */
                metrics?: components["parameters"]["metrics"];
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rows as CSV: a column per group field, the bucket, then a column per metric. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    analyzeCourseItems: {
        parameters: {
            query?: {
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description The array field of item results (item, score, max, choices, key, options): items by default. */
                items?: components["parameters"]["items"];
                /** @description The boolean field of a pass: passed by default. */
                passed?: components["parameters"]["passed"];
                /** @description How many responses an item needs before it is flagged: 20 by default. */
                minSeen?: components["parameters"]["minSeen"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The item analysis. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ItemAnalysis"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getCourse: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level fields to return; id and meta fields always come back. */
                fields?: components["parameters"]["fields"];
                /** @description Comma-separated references (x-ref) to resolve into the documents they name, through dots for deeper levels: `level,exams.questions`; `*` for every reference one level deep. A document the caller may not see stays an id. */
                expand?: components["parameters"]["expand"];
                /** @description How many references deep expand paths may go: 3 by default, at most 10. */
                expandDepth?: components["parameters"]["expandDepth"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: {
                /** @description On a read, an ETag: 304 when it is still current. On a PUT, * creates only. */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document; with fields=, only the fields asked for. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Course"] | components["schemas"]["CoursePartial"];
                };
            };
            /** @description Not modified: the ETag given in If-None-Match is still current. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listCourseReferrers: {
        parameters: {
            query?: {
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of referrers. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferrerPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listCourseRevisions: {
        parameters: {
            query?: {
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of revisions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CoursePage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getCourseRevision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
                /** @description The revision number, from 1. */
                rev: components["parameters"]["rev"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revision. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Course"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listCredentials: {
        parameters: {
            query?: {
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description Comma-separated fields to sort by, each with - for descending; meta fields such as _createdAt too: `-passingScore,title`. Id order when absent. */
                sort?: components["parameters"]["sort"];
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
                /** @description Comma-separated top-level fields to return; id and meta fields always come back. */
                fields?: components["parameters"]["fields"];
                /** @description true adds explain to the page: which index served the filter and how many documents were examined and matched. */
                explain?: components["parameters"]["explain"];
                /** @description Comma-separated references (x-ref) to resolve into the documents they name, through dots for deeper levels: `level,exams.questions`; `*` for every reference one level deep. A document the caller may not see stays an id. */
                expand?: components["parameters"]["expand"];
                /** @description How many references deep expand paths may go: 3 by default, at most 10. */
                expandDepth?: components["parameters"]["expandDepth"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of documents. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CredentialPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    aggregateCredentials: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level or meta fields whose values make the groups: `path,level`. */
                groupBy?: components["parameters"]["groupBy"];
                /** @description A date field and a unit: `startedAt:day`; units are hour, day, week (from Monday), month and year. */
                bucket?: components["parameters"]["bucket"];
                /** @description The IANA time zone buckets are cut in: `Europe/Warsaw`; UTC by default. */
                tz?: components["parameters"]["tz"];
                /** @description Comma-separated metrics: count; sum, avg, min, max, pNN (p50, p90), rate (the share of true) and distinct of a field: `count,avg:score,rate:passed`. count by default. */
                metrics?: components["parameters"]["metrics"];
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description true adds explain to the page: which index served the filter and how many documents were examined and matched. */
                explain?: components["parameters"]["explain"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The groups and their metrics. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Aggregate"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    aggregateCredentialsCSV: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level or meta fields whose values make the groups: `path,level`. */
                groupBy?: components["parameters"]["groupBy"];
                /** @description A date field and a unit: `startedAt:day`; units are hour, day, week (from Monday), month and year. */
                bucket?: components["parameters"]["bucket"];
                /** @description The IANA time zone buckets are cut in: `Europe/Warsaw`; UTC by default. */
                tz?: components["parameters"]["tz"];
                /** @description Comma-separated metrics: count; sum, avg, min, max, pNN (p50, p90), rate (the share of true) and distinct of a field: `count,avg:score,rate:passed`. count by default. */
                metrics?: components["parameters"]["metrics"];
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rows as CSV: a column per group field, the bucket, then a column per metric. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    analyzeCredentialItems: {
        parameters: {
            query?: {
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description The array field of item results (item, score, max, choices, key, options): items by default. */
                items?: components["parameters"]["items"];
                /** @description The boolean field of a pass: passed by default. */
                passed?: components["parameters"]["passed"];
                /** @description How many responses an item needs before it is flagged: 20 by default. */
                minSeen?: components["parameters"]["minSeen"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The item analysis. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ItemAnalysis"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getCredential: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level fields to return; id and meta fields always come back. */
                fields?: components["parameters"]["fields"];
                /** @description Comma-separated references (x-ref) to resolve into the documents they name, through dots for deeper levels: `level,exams.questions`; `*` for every reference one level deep. A document the caller may not see stays an id. */
                expand?: components["parameters"]["expand"];
                /** @description How many references deep expand paths may go: 3 by default, at most 10. */
                expandDepth?: components["parameters"]["expandDepth"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: {
                /** @description On a read, an ETag: 304 when it is still current. On a PUT, * creates only. */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document; with fields=, only the fields asked for. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Credential"] | components["schemas"]["CredentialPartial"];
                };
            };
            /** @description Not modified: the ETag given in If-None-Match is still current. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listCredentialReferrers: {
        parameters: {
            query?: {
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of referrers. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferrerPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listCredentialRevisions: {
        parameters: {
            query?: {
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of revisions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CredentialPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getCredentialRevision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
                /** @description The revision number, from 1. */
                rev: components["parameters"]["rev"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revision. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Credential"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listDirectory: {
        parameters: {
            query?: {
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description Comma-separated fields to sort by, each with - for descending; meta fields such as _createdAt too: `-passingScore,title`. Id order when absent. */
                sort?: components["parameters"]["sort"];
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
                /** @description Comma-separated top-level fields to return; id and meta fields always come back. */
                fields?: components["parameters"]["fields"];
                /** @description true adds explain to the page: which index served the filter and how many documents were examined and matched. */
                explain?: components["parameters"]["explain"];
                /** @description Comma-separated references (x-ref) to resolve into the documents they name, through dots for deeper levels: `level,exams.questions`; `*` for every reference one level deep. A document the caller may not see stays an id. */
                expand?: components["parameters"]["expand"];
                /** @description How many references deep expand paths may go: 3 by default, at most 10. */
                expandDepth?: components["parameters"]["expandDepth"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of documents. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DirectoryPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    aggregateDirectory: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level or meta fields whose values make the groups: `path,level`. */
                groupBy?: components["parameters"]["groupBy"];
                /** @description A date field and a unit: `startedAt:day`; units are hour, day, week (from Monday), month and year. */
                bucket?: components["parameters"]["bucket"];
                /** @description The IANA time zone buckets are cut in: `Europe/Warsaw`; UTC by default. */
                tz?: components["parameters"]["tz"];
                /** @description Comma-separated metrics: count; sum, avg, min, max, pNN (p50, p90), rate (the share of true) and distinct of a field: `count,avg:score,rate:passed`. count by default. */
                metrics?: components["parameters"]["metrics"];
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description true adds explain to the page: which index served the filter and how many documents were examined and matched. */
                explain?: components["parameters"]["explain"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The groups and their metrics. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Aggregate"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    aggregateDirectoryCSV: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level or meta fields whose values make the groups: `path,level`. */
                groupBy?: components["parameters"]["groupBy"];
                /** @description A date field and a unit: `startedAt:day`; units are hour, day, week (from Monday), month and year. */
                bucket?: components["parameters"]["bucket"];
                /** @description The IANA time zone buckets are cut in: `Europe/Warsaw`; UTC by default. */
                tz?: components["parameters"]["tz"];
                /** @description Comma-separated metrics: count; sum, avg, min, max, pNN (p50, p90), rate (the share of true) and distinct of a field: `count,avg:score,rate:passed`. count by default. */
                metrics?: components["parameters"]["metrics"];
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rows as CSV: a column per group field, the bucket, then a column per metric. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    analyzeDirectoryItems: {
        parameters: {
            query?: {
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description The array field of item results (item, score, max, choices, key, options): items by default. */
                items?: components["parameters"]["items"];
                /** @description The boolean field of a pass: passed by default. */
                passed?: components["parameters"]["passed"];
                /** @description How many responses an item needs before it is flagged: 20 by default. */
                minSeen?: components["parameters"]["minSeen"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The item analysis. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ItemAnalysis"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getDirectory: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level fields to return; id and meta fields always come back. */
                fields?: components["parameters"]["fields"];
                /** @description Comma-separated references (x-ref) to resolve into the documents they name, through dots for deeper levels: `level,exams.questions`; `*` for every reference one level deep. A document the caller may not see stays an id. */
                expand?: components["parameters"]["expand"];
                /** @description How many references deep expand paths may go: 3 by default, at most 10. */
                expandDepth?: components["parameters"]["expandDepth"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: {
                /** @description On a read, an ETag: 304 when it is still current. On a PUT, * creates only. */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document; with fields=, only the fields asked for. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Directory"] | components["schemas"]["DirectoryPartial"];
                };
            };
            /** @description Not modified: the ETag given in If-None-Match is still current. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listDirectoryReferrers: {
        parameters: {
            query?: {
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of referrers. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferrerPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listDirectoryRevisions: {
        parameters: {
            query?: {
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of revisions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DirectoryPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getDirectoryRevision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
                /** @description The revision number, from 1. */
                rev: components["parameters"]["rev"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revision. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Directory"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listExams: {
        parameters: {
            query?: {
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description Comma-separated fields to sort by, each with - for descending; meta fields such as _createdAt too: `-passingScore,title`. Id order when absent. */
                sort?: components["parameters"]["sort"];
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
                /** @description Comma-separated top-level fields to return; id and meta fields always come back. */
                fields?: components["parameters"]["fields"];
                /** @description true adds explain to the page: which index served the filter and how many documents were examined and matched. */
                explain?: components["parameters"]["explain"];
                /** @description Comma-separated references (x-ref) to resolve into the documents they name, through dots for deeper levels: `level,exams.questions`; `*` for every reference one level deep. A document the caller may not see stays an id. */
                expand?: components["parameters"]["expand"];
                /** @description How many references deep expand paths may go: 3 by default, at most 10. */
                expandDepth?: components["parameters"]["expandDepth"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of documents. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExamPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    aggregateExams: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level or meta fields whose values make the groups: `path,level`. */
                groupBy?: components["parameters"]["groupBy"];
                /** @description A date field and a unit: `startedAt:day`; units are hour, day, week (from Monday), month and year. */
                bucket?: components["parameters"]["bucket"];
                /** @description The IANA time zone buckets are cut in: `Europe/Warsaw`; UTC by default. */
                tz?: components["parameters"]["tz"];
                /** @description Comma-separated metrics: count; sum, avg, min, max, pNN (p50, p90), rate (the share of true) and distinct of a field: `count,avg:score,rate:passed`. count by default. */
                metrics?: components["parameters"]["metrics"];
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description true adds explain to the page: which index served the filter and how many documents were examined and matched. */
                explain?: components["parameters"]["explain"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The groups and their metrics. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Aggregate"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    aggregateExamsCSV: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level or meta fields whose values make the groups: `path,level`. */
                groupBy?: components["parameters"]["groupBy"];
                /** @description A date field and a unit: `startedAt:day`; units are hour, day, week (from Monday), month and year. */
                bucket?: components["parameters"]["bucket"];
                /** @description The IANA time zone buckets are cut in: `Europe/Warsaw`; UTC by default. */
                tz?: components["parameters"]["tz"];
                /** @description Comma-separated metrics: count; sum, avg, min, max, pNN (p50, p90), rate (the share of true) and distinct of a field: `count,avg:score,rate:passed`. count by default. */
                metrics?: components["parameters"]["metrics"];
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rows as CSV: a column per group field, the bucket, then a column per metric. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    analyzeExamItems: {
        parameters: {
            query?: {
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description The array field of item results (item, score, max, choices, key, options): items by default. */
                items?: components["parameters"]["items"];
                /** @description The boolean field of a pass: passed by default. */
                passed?: components["parameters"]["passed"];
                /** @description How many responses an item needs before it is flagged: 20 by default. */
                minSeen?: components["parameters"]["minSeen"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The item analysis. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ItemAnalysis"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getExam: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level fields to return; id and meta fields always come back. */
                fields?: components["parameters"]["fields"];
                /** @description Comma-separated references (x-ref) to resolve into the documents they name, through dots for deeper levels: `level,exams.questions`; `*` for every reference one level deep. A document the caller may not see stays an id. */
                expand?: components["parameters"]["expand"];
                /** @description How many references deep expand paths may go: 3 by default, at most 10. */
                expandDepth?: components["parameters"]["expandDepth"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: {
                /** @description On a read, an ETag: 304 when it is still current. On a PUT, * creates only. */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document; with fields=, only the fields asked for. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Exam"] | components["schemas"]["ExamPartial"];
                };
            };
            /** @description Not modified: the ETag given in If-None-Match is still current. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listExamReferrers: {
        parameters: {
            query?: {
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of referrers. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferrerPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listExamRevisions: {
        parameters: {
            query?: {
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of revisions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExamPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getExamRevision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
                /** @description The revision number, from 1. */
                rev: components["parameters"]["rev"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revision. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Exam"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listFeedback: {
        parameters: {
            query?: {
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description Comma-separated fields to sort by, each with - for descending; meta fields such as _createdAt too: `-passingScore,title`. Id order when absent. */
                sort?: components["parameters"]["sort"];
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
                /** @description Comma-separated top-level fields to return; id and meta fields always come back. */
                fields?: components["parameters"]["fields"];
                /** @description true adds explain to the page: which index served the filter and how many documents were examined and matched. */
                explain?: components["parameters"]["explain"];
                /** @description Comma-separated references (x-ref) to resolve into the documents they name, through dots for deeper levels: `level,exams.questions`; `*` for every reference one level deep. A document the caller may not see stays an id. */
                expand?: components["parameters"]["expand"];
                /** @description How many references deep expand paths may go: 3 by default, at most 10. */
                expandDepth?: components["parameters"]["expandDepth"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of documents. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedbackPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createFeedback: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the write happen at most once: a write repeated with the same key changes nothing and answers with the document as it stands. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FeedbackInput"];
            };
        };
        responses: {
            /** @description Already created with this Idempotency-Key: the document as it stands. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Feedback"];
                };
            };
            /** @description Created. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Feedback"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["RequestEntityTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    aggregateFeedback: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level or meta fields whose values make the groups: `path,level`. */
                groupBy?: components["parameters"]["groupBy"];
                /** @description A date field and a unit: `startedAt:day`; units are hour, day, week (from Monday), month and year. */
                bucket?: components["parameters"]["bucket"];
                /** @description The IANA time zone buckets are cut in: `Europe/Warsaw`; UTC by default. */
                tz?: components["parameters"]["tz"];
                /** @description Comma-separated metrics: count; sum, avg, min, max, pNN (p50, p90), rate (the share of true) and distinct of a field: `count,avg:score,rate:passed`. count by default. */
                metrics?: components["parameters"]["metrics"];
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description true adds explain to the page: which index served the filter and how many documents were examined and matched. */
                explain?: components["parameters"]["explain"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The groups and their metrics. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Aggregate"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    aggregateFeedbackCSV: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level or meta fields whose values make the groups: `path,level`. */
                groupBy?: components["parameters"]["groupBy"];
                /** @description A date field and a unit: `startedAt:day`; units are hour, day, week (from Monday), month and year. */
                bucket?: components["parameters"]["bucket"];
                /** @description The IANA time zone buckets are cut in: `Europe/Warsaw`; UTC by default. */
                tz?: components["parameters"]["tz"];
                /** @description Comma-separated metrics: count; sum, avg, min, max, pNN (p50, p90), rate (the share of true) and distinct of a field: `count,avg:score,rate:passed`. count by default. */
                metrics?: components["parameters"]["metrics"];
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rows as CSV: a column per group field, the bucket, then a column per metric. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    analyzeFeedbackItems: {
        parameters: {
            query?: {
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description The array field of item results (item, score, max, choices, key, options): items by default. */
                items?: components["parameters"]["items"];
                /** @description The boolean field of a pass: passed by default. */
                passed?: components["parameters"]["passed"];
                /** @description How many responses an item needs before it is flagged: 20 by default. */
                minSeen?: components["parameters"]["minSeen"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The item analysis. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ItemAnalysis"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getFeedback: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level fields to return; id and meta fields always come back. */
                fields?: components["parameters"]["fields"];
                /** @description Comma-separated references (x-ref) to resolve into the documents they name, through dots for deeper levels: `level,exams.questions`; `*` for every reference one level deep. A document the caller may not see stays an id. */
                expand?: components["parameters"]["expand"];
                /** @description How many references deep expand paths may go: 3 by default, at most 10. */
                expandDepth?: components["parameters"]["expandDepth"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: {
                /** @description On a read, an ETag: 304 when it is still current. On a PUT, * creates only. */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document; with fields=, only the fields asked for. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Feedback"] | components["schemas"]["FeedbackPartial"];
                };
            };
            /** @description Not modified: the ETag given in If-None-Match is still current. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    replaceFeedback: {
        parameters: {
            query?: never;
            header?: {
                /** @description Write only if the document's current ETag is this one (412 otherwise). */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description On a read, an ETag: 304 when it is still current. On a PUT, * creates only. */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
                /** @description Makes the write happen at most once: a write repeated with the same key changes nothing and answers with the document as it stands. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FeedbackInput"];
            };
        };
        responses: {
            /** @description Replaced. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Feedback"];
                };
            };
            /** @description Created. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Feedback"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["RequestEntityTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listFeedbackReferrers: {
        parameters: {
            query?: {
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of referrers. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferrerPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listFeedbackRevisions: {
        parameters: {
            query?: {
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of revisions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedbackPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getFeedbackRevision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
                /** @description The revision number, from 1. */
                rev: components["parameters"]["rev"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revision. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Feedback"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listLearners: {
        parameters: {
            query?: {
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description Comma-separated fields to sort by, each with - for descending; meta fields such as _createdAt too: `-passingScore,title`. Id order when absent. */
                sort?: components["parameters"]["sort"];
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
                /** @description Comma-separated top-level fields to return; id and meta fields always come back. */
                fields?: components["parameters"]["fields"];
                /** @description true adds explain to the page: which index served the filter and how many documents were examined and matched. */
                explain?: components["parameters"]["explain"];
                /** @description Comma-separated references (x-ref) to resolve into the documents they name, through dots for deeper levels: `level,exams.questions`; `*` for every reference one level deep. A document the caller may not see stays an id. */
                expand?: components["parameters"]["expand"];
                /** @description How many references deep expand paths may go: 3 by default, at most 10. */
                expandDepth?: components["parameters"]["expandDepth"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of documents. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LearnerPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createLearner: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the write happen at most once: a write repeated with the same key changes nothing and answers with the document as it stands. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LearnerInput"];
            };
        };
        responses: {
            /** @description Already created with this Idempotency-Key: the document as it stands. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Learner"];
                };
            };
            /** @description Created. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Learner"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["RequestEntityTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    aggregateLearners: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level or meta fields whose values make the groups: `path,level`. */
                groupBy?: components["parameters"]["groupBy"];
                /** @description A date field and a unit: `startedAt:day`; units are hour, day, week (from Monday), month and year. */
                bucket?: components["parameters"]["bucket"];
                /** @description The IANA time zone buckets are cut in: `Europe/Warsaw`; UTC by default. */
                tz?: components["parameters"]["tz"];
                /** @description Comma-separated metrics: count; sum, avg, min, max, pNN (p50, p90), rate (the share of true) and distinct of a field: `count,avg:score,rate:passed`. count by default. */
                metrics?: components["parameters"]["metrics"];
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description true adds explain to the page: which index served the filter and how many documents were examined and matched. */
                explain?: components["parameters"]["explain"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The groups and their metrics. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Aggregate"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    aggregateLearnersCSV: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level or meta fields whose values make the groups: `path,level`. */
                groupBy?: components["parameters"]["groupBy"];
                /** @description A date field and a unit: `startedAt:day`; units are hour, day, week (from Monday), month and year. */
                bucket?: components["parameters"]["bucket"];
                /** @description The IANA time zone buckets are cut in: `Europe/Warsaw`; UTC by default. */
                tz?: components["parameters"]["tz"];
                /** @description Comma-separated metrics: count; sum, avg, min, max, pNN (p50, p90), rate (the share of true) and distinct of a field: `count,avg:score,rate:passed`. count by default. */
                metrics?: components["parameters"]["metrics"];
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rows as CSV: a column per group field, the bucket, then a column per metric. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    analyzeLearnerItems: {
        parameters: {
            query?: {
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description The array field of item results (item, score, max, choices, key, options): items by default. */
                items?: components["parameters"]["items"];
                /** @description The boolean field of a pass: passed by default. */
                passed?: components["parameters"]["passed"];
                /** @description How many responses an item needs before it is flagged: 20 by default. */
                minSeen?: components["parameters"]["minSeen"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The item analysis. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ItemAnalysis"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getLearner: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level fields to return; id and meta fields always come back. */
                fields?: components["parameters"]["fields"];
                /** @description Comma-separated references (x-ref) to resolve into the documents they name, through dots for deeper levels: `level,exams.questions`; `*` for every reference one level deep. A document the caller may not see stays an id. */
                expand?: components["parameters"]["expand"];
                /** @description How many references deep expand paths may go: 3 by default, at most 10. */
                expandDepth?: components["parameters"]["expandDepth"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: {
                /** @description On a read, an ETag: 304 when it is still current. On a PUT, * creates only. */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document; with fields=, only the fields asked for. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Learner"] | components["schemas"]["LearnerPartial"];
                };
            };
            /** @description Not modified: the ETag given in If-None-Match is still current. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    replaceLearner: {
        parameters: {
            query?: never;
            header?: {
                /** @description Write only if the document's current ETag is this one (412 otherwise). */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description On a read, an ETag: 304 when it is still current. On a PUT, * creates only. */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
                /** @description Makes the write happen at most once: a write repeated with the same key changes nothing and answers with the document as it stands. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LearnerInput"];
            };
        };
        responses: {
            /** @description Replaced. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Learner"];
                };
            };
            /** @description Created. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Learner"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["RequestEntityTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    patchLearner: {
        parameters: {
            query?: never;
            header?: {
                /** @description Write only if the document's current ETag is this one (412 otherwise). */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description Makes the write happen at most once: a write repeated with the same key changes nothing and answers with the document as it stands. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/merge-patch+json": components["schemas"]["LearnerPatch"];
            };
        };
        responses: {
            /** @description Patched. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Learner"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["RequestEntityTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listLearnerReferrers: {
        parameters: {
            query?: {
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of referrers. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferrerPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listLearnerRevisions: {
        parameters: {
            query?: {
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of revisions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LearnerPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getLearnerRevision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
                /** @description The revision number, from 1. */
                rev: components["parameters"]["rev"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revision. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Learner"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listLevels: {
        parameters: {
            query?: {
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description Comma-separated fields to sort by, each with - for descending; meta fields such as _createdAt too: `-passingScore,title`. Id order when absent. */
                sort?: components["parameters"]["sort"];
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
                /** @description Comma-separated top-level fields to return; id and meta fields always come back. */
                fields?: components["parameters"]["fields"];
                /** @description true adds explain to the page: which index served the filter and how many documents were examined and matched. */
                explain?: components["parameters"]["explain"];
                /** @description Comma-separated references (x-ref) to resolve into the documents they name, through dots for deeper levels: `level,exams.questions`; `*` for every reference one level deep. A document the caller may not see stays an id. */
                expand?: components["parameters"]["expand"];
                /** @description How many references deep expand paths may go: 3 by default, at most 10. */
                expandDepth?: components["parameters"]["expandDepth"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of documents. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LevelPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    aggregateLevels: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level or meta fields whose values make the groups: `path,level`. */
                groupBy?: components["parameters"]["groupBy"];
                /** @description A date field and a unit: `startedAt:day`; units are hour, day, week (from Monday), month and year. */
                bucket?: components["parameters"]["bucket"];
                /** @description The IANA time zone buckets are cut in: `Europe/Warsaw`; UTC by default. */
                tz?: components["parameters"]["tz"];
                /** @description Comma-separated metrics: count; sum, avg, min, max, pNN (p50, p90), rate (the share of true) and distinct of a field: `count,avg:score,rate:passed`. count by default. */
                metrics?: components["parameters"]["metrics"];
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description true adds explain to the page: which index served the filter and how many documents were examined and matched. */
                explain?: components["parameters"]["explain"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The groups and their metrics. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Aggregate"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    aggregateLevelsCSV: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level or meta fields whose values make the groups: `path,level`. */
                groupBy?: components["parameters"]["groupBy"];
                /** @description A date field and a unit: `startedAt:day`; units are hour, day, week (from Monday), month and year. */
                bucket?: components["parameters"]["bucket"];
                /** @description The IANA time zone buckets are cut in: `Europe/Warsaw`; UTC by default. */
                tz?: components["parameters"]["tz"];
                /** @description Comma-separated metrics: count; sum, avg, min, max, pNN (p50, p90), rate (the share of true) and distinct of a field: `count,avg:score,rate:passed`. count by default. */
                metrics?: components["parameters"]["metrics"];
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rows as CSV: a column per group field, the bucket, then a column per metric. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    analyzeLevelItems: {
        parameters: {
            query?: {
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description The array field of item results (item, score, max, choices, key, options): items by default. */
                items?: components["parameters"]["items"];
                /** @description The boolean field of a pass: passed by default. */
                passed?: components["parameters"]["passed"];
                /** @description How many responses an item needs before it is flagged: 20 by default. */
                minSeen?: components["parameters"]["minSeen"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The item analysis. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ItemAnalysis"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getLevel: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level fields to return; id and meta fields always come back. */
                fields?: components["parameters"]["fields"];
                /** @description Comma-separated references (x-ref) to resolve into the documents they name, through dots for deeper levels: `level,exams.questions`; `*` for every reference one level deep. A document the caller may not see stays an id. */
                expand?: components["parameters"]["expand"];
                /** @description How many references deep expand paths may go: 3 by default, at most 10. */
                expandDepth?: components["parameters"]["expandDepth"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: {
                /** @description On a read, an ETag: 304 when it is still current. On a PUT, * creates only. */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document; with fields=, only the fields asked for. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Level"] | components["schemas"]["LevelPartial"];
                };
            };
            /** @description Not modified: the ETag given in If-None-Match is still current. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listLevelReferrers: {
        parameters: {
            query?: {
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of referrers. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferrerPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listLevelRevisions: {
        parameters: {
            query?: {
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of revisions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LevelPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getLevelRevision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
                /** @description The revision number, from 1. */
                rev: components["parameters"]["rev"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revision. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Level"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listMaintenance: {
        parameters: {
            query?: {
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description Comma-separated fields to sort by, each with - for descending; meta fields such as _createdAt too: `-passingScore,title`. Id order when absent. */
                sort?: components["parameters"]["sort"];
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
                /** @description Comma-separated top-level fields to return; id and meta fields always come back. */
                fields?: components["parameters"]["fields"];
                /** @description true adds explain to the page: which index served the filter and how many documents were examined and matched. */
                explain?: components["parameters"]["explain"];
                /** @description Comma-separated references (x-ref) to resolve into the documents they name, through dots for deeper levels: `level,exams.questions`; `*` for every reference one level deep. A document the caller may not see stays an id. */
                expand?: components["parameters"]["expand"];
                /** @description How many references deep expand paths may go: 3 by default, at most 10. */
                expandDepth?: components["parameters"]["expandDepth"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of documents. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MaintenancePage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    aggregateMaintenance: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level or meta fields whose values make the groups: `path,level`. */
                groupBy?: components["parameters"]["groupBy"];
                /** @description A date field and a unit: `startedAt:day`; units are hour, day, week (from Monday), month and year. */
                bucket?: components["parameters"]["bucket"];
                /** @description The IANA time zone buckets are cut in: `Europe/Warsaw`; UTC by default. */
                tz?: components["parameters"]["tz"];
                /** @description Comma-separated metrics: count; sum, avg, min, max, pNN (p50, p90), rate (the share of true) and distinct of a field: `count,avg:score,rate:passed`. count by default. */
                metrics?: components["parameters"]["metrics"];
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description true adds explain to the page: which index served the filter and how many documents were examined and matched. */
                explain?: components["parameters"]["explain"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The groups and their metrics. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Aggregate"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    aggregateMaintenanceCSV: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level or meta fields whose values make the groups: `path,level`. */
                groupBy?: components["parameters"]["groupBy"];
                /** @description A date field and a unit: `startedAt:day`; units are hour, day, week (from Monday), month and year. */
                bucket?: components["parameters"]["bucket"];
                /** @description The IANA time zone buckets are cut in: `Europe/Warsaw`; UTC by default. */
                tz?: components["parameters"]["tz"];
                /** @description Comma-separated metrics: count; sum, avg, min, max, pNN (p50, p90), rate (the share of true) and distinct of a field: `count,avg:score,rate:passed`. count by default. */
                metrics?: components["parameters"]["metrics"];
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rows as CSV: a column per group field, the bucket, then a column per metric. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    analyzeMaintenanceItems: {
        parameters: {
            query?: {
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description The array field of item results (item, score, max, choices, key, options): items by default. */
                items?: components["parameters"]["items"];
                /** @description The boolean field of a pass: passed by default. */
                passed?: components["parameters"]["passed"];
                /** @description How many responses an item needs before it is flagged: 20 by default. */
                minSeen?: components["parameters"]["minSeen"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The item analysis. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ItemAnalysis"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getMaintenance: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level fields to return; id and meta fields always come back. */
                fields?: components["parameters"]["fields"];
                /** @description Comma-separated references (x-ref) to resolve into the documents they name, through dots for deeper levels: `level,exams.questions`; `*` for every reference one level deep. A document the caller may not see stays an id. */
                expand?: components["parameters"]["expand"];
                /** @description How many references deep expand paths may go: 3 by default, at most 10. */
                expandDepth?: components["parameters"]["expandDepth"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: {
                /** @description On a read, an ETag: 304 when it is still current. On a PUT, * creates only. */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document; with fields=, only the fields asked for. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Maintenance"] | components["schemas"]["MaintenancePartial"];
                };
            };
            /** @description Not modified: the ETag given in If-None-Match is still current. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listMaintenanceReferrers: {
        parameters: {
            query?: {
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of referrers. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferrerPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listMaintenanceRevisions: {
        parameters: {
            query?: {
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of revisions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MaintenancePage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getMaintenanceRevision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
                /** @description The revision number, from 1. */
                rev: components["parameters"]["rev"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revision. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Maintenance"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listOrgCredentials: {
        parameters: {
            query?: {
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description Comma-separated fields to sort by, each with - for descending; meta fields such as _createdAt too: `-passingScore,title`. Id order when absent. */
                sort?: components["parameters"]["sort"];
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
                /** @description Comma-separated top-level fields to return; id and meta fields always come back. */
                fields?: components["parameters"]["fields"];
                /** @description true adds explain to the page: which index served the filter and how many documents were examined and matched. */
                explain?: components["parameters"]["explain"];
                /** @description Comma-separated references (x-ref) to resolve into the documents they name, through dots for deeper levels: `level,exams.questions`; `*` for every reference one level deep. A document the caller may not see stays an id. */
                expand?: components["parameters"]["expand"];
                /** @description How many references deep expand paths may go: 3 by default, at most 10. */
                expandDepth?: components["parameters"]["expandDepth"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of documents. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgCredentialPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    aggregateOrgCredentials: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level or meta fields whose values make the groups: `path,level`. */
                groupBy?: components["parameters"]["groupBy"];
                /** @description A date field and a unit: `startedAt:day`; units are hour, day, week (from Monday), month and year. */
                bucket?: components["parameters"]["bucket"];
                /** @description The IANA time zone buckets are cut in: `Europe/Warsaw`; UTC by default. */
                tz?: components["parameters"]["tz"];
                /** @description Comma-separated metrics: count; sum, avg, min, max, pNN (p50, p90), rate (the share of true) and distinct of a field: `count,avg:score,rate:passed`. count by default. */
                metrics?: components["parameters"]["metrics"];
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description true adds explain to the page: which index served the filter and how many documents were examined and matched. */
                explain?: components["parameters"]["explain"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The groups and their metrics. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Aggregate"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    aggregateOrgCredentialsCSV: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level or meta fields whose values make the groups: `path,level`. */
                groupBy?: components["parameters"]["groupBy"];
                /** @description A date field and a unit: `startedAt:day`; units are hour, day, week (from Monday), month and year. */
                bucket?: components["parameters"]["bucket"];
                /** @description The IANA time zone buckets are cut in: `Europe/Warsaw`; UTC by default. */
                tz?: components["parameters"]["tz"];
                /** @description Comma-separated metrics: count; sum, avg, min, max, pNN (p50, p90), rate (the share of true) and distinct of a field: `count,avg:score,rate:passed`. count by default. */
                metrics?: components["parameters"]["metrics"];
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rows as CSV: a column per group field, the bucket, then a column per metric. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    analyzeOrgCredentialItems: {
        parameters: {
            query?: {
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description The array field of item results (item, score, max, choices, key, options): items by default. */
                items?: components["parameters"]["items"];
                /** @description The boolean field of a pass: passed by default. */
                passed?: components["parameters"]["passed"];
                /** @description How many responses an item needs before it is flagged: 20 by default. */
                minSeen?: components["parameters"]["minSeen"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The item analysis. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ItemAnalysis"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getOrgCredential: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level fields to return; id and meta fields always come back. */
                fields?: components["parameters"]["fields"];
                /** @description Comma-separated references (x-ref) to resolve into the documents they name, through dots for deeper levels: `level,exams.questions`; `*` for every reference one level deep. A document the caller may not see stays an id. */
                expand?: components["parameters"]["expand"];
                /** @description How many references deep expand paths may go: 3 by default, at most 10. */
                expandDepth?: components["parameters"]["expandDepth"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: {
                /** @description On a read, an ETag: 304 when it is still current. On a PUT, * creates only. */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document; with fields=, only the fields asked for. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgCredential"] | components["schemas"]["OrgCredentialPartial"];
                };
            };
            /** @description Not modified: the ETag given in If-None-Match is still current. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listOrgCredentialReferrers: {
        parameters: {
            query?: {
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of referrers. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferrerPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listOrgCredentialRevisions: {
        parameters: {
            query?: {
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of revisions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgCredentialPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getOrgCredentialRevision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
                /** @description The revision number, from 1. */
                rev: components["parameters"]["rev"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revision. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgCredential"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listOrganizations: {
        parameters: {
            query?: {
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description Comma-separated fields to sort by, each with - for descending; meta fields such as _createdAt too: `-passingScore,title`. Id order when absent. */
                sort?: components["parameters"]["sort"];
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
                /** @description Comma-separated top-level fields to return; id and meta fields always come back. */
                fields?: components["parameters"]["fields"];
                /** @description true adds explain to the page: which index served the filter and how many documents were examined and matched. */
                explain?: components["parameters"]["explain"];
                /** @description Comma-separated references (x-ref) to resolve into the documents they name, through dots for deeper levels: `level,exams.questions`; `*` for every reference one level deep. A document the caller may not see stays an id. */
                expand?: components["parameters"]["expand"];
                /** @description How many references deep expand paths may go: 3 by default, at most 10. */
                expandDepth?: components["parameters"]["expandDepth"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of documents. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganizationPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    aggregateOrganizations: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level or meta fields whose values make the groups: `path,level`. */
                groupBy?: components["parameters"]["groupBy"];
                /** @description A date field and a unit: `startedAt:day`; units are hour, day, week (from Monday), month and year. */
                bucket?: components["parameters"]["bucket"];
                /** @description The IANA time zone buckets are cut in: `Europe/Warsaw`; UTC by default. */
                tz?: components["parameters"]["tz"];
                /** @description Comma-separated metrics: count; sum, avg, min, max, pNN (p50, p90), rate (the share of true) and distinct of a field: `count,avg:score,rate:passed`. count by default. */
                metrics?: components["parameters"]["metrics"];
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description true adds explain to the page: which index served the filter and how many documents were examined and matched. */
                explain?: components["parameters"]["explain"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The groups and their metrics. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Aggregate"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    aggregateOrganizationsCSV: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level or meta fields whose values make the groups: `path,level`. */
                groupBy?: components["parameters"]["groupBy"];
                /** @description A date field and a unit: `startedAt:day`; units are hour, day, week (from Monday), month and year. */
                bucket?: components["parameters"]["bucket"];
                /** @description The IANA time zone buckets are cut in: `Europe/Warsaw`; UTC by default. */
                tz?: components["parameters"]["tz"];
                /** @description Comma-separated metrics: count; sum, avg, min, max, pNN (p50, p90), rate (the share of true) and distinct of a field: `count,avg:score,rate:passed`. count by default. */
                metrics?: components["parameters"]["metrics"];
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rows as CSV: a column per group field, the bucket, then a column per metric. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    analyzeOrganizationItems: {
        parameters: {
            query?: {
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description The array field of item results (item, score, max, choices, key, options): items by default. */
                items?: components["parameters"]["items"];
                /** @description The boolean field of a pass: passed by default. */
                passed?: components["parameters"]["passed"];
                /** @description How many responses an item needs before it is flagged: 20 by default. */
                minSeen?: components["parameters"]["minSeen"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The item analysis. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ItemAnalysis"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getOrganization: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level fields to return; id and meta fields always come back. */
                fields?: components["parameters"]["fields"];
                /** @description Comma-separated references (x-ref) to resolve into the documents they name, through dots for deeper levels: `level,exams.questions`; `*` for every reference one level deep. A document the caller may not see stays an id. */
                expand?: components["parameters"]["expand"];
                /** @description How many references deep expand paths may go: 3 by default, at most 10. */
                expandDepth?: components["parameters"]["expandDepth"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: {
                /** @description On a read, an ETag: 304 when it is still current. On a PUT, * creates only. */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document; with fields=, only the fields asked for. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organization"] | components["schemas"]["OrganizationPartial"];
                };
            };
            /** @description Not modified: the ETag given in If-None-Match is still current. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listOrganizationReferrers: {
        parameters: {
            query?: {
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of referrers. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferrerPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listOrganizationRevisions: {
        parameters: {
            query?: {
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of revisions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganizationPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getOrganizationRevision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
                /** @description The revision number, from 1. */
                rev: components["parameters"]["rev"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revision. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organization"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listPages: {
        parameters: {
            query?: {
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description Comma-separated fields to sort by, each with - for descending; meta fields such as _createdAt too: `-passingScore,title`. Id order when absent. */
                sort?: components["parameters"]["sort"];
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
                /** @description Comma-separated top-level fields to return; id and meta fields always come back. */
                fields?: components["parameters"]["fields"];
                /** @description true adds explain to the page: which index served the filter and how many documents were examined and matched. */
                explain?: components["parameters"]["explain"];
                /** @description Comma-separated references (x-ref) to resolve into the documents they name, through dots for deeper levels: `level,exams.questions`; `*` for every reference one level deep. A document the caller may not see stays an id. */
                expand?: components["parameters"]["expand"];
                /** @description How many references deep expand paths may go: 3 by default, at most 10. */
                expandDepth?: components["parameters"]["expandDepth"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of documents. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PagePage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    aggregatePages: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level or meta fields whose values make the groups: `path,level`. */
                groupBy?: components["parameters"]["groupBy"];
                /** @description A date field and a unit: `startedAt:day`; units are hour, day, week (from Monday), month and year. */
                bucket?: components["parameters"]["bucket"];
                /** @description The IANA time zone buckets are cut in: `Europe/Warsaw`; UTC by default. */
                tz?: components["parameters"]["tz"];
                /** @description Comma-separated metrics: count; sum, avg, min, max, pNN (p50, p90), rate (the share of true) and distinct of a field: `count,avg:score,rate:passed`. count by default. */
                metrics?: components["parameters"]["metrics"];
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description true adds explain to the page: which index served the filter and how many documents were examined and matched. */
                explain?: components["parameters"]["explain"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The groups and their metrics. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Aggregate"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    aggregatePagesCSV: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level or meta fields whose values make the groups: `path,level`. */
                groupBy?: components["parameters"]["groupBy"];
                /** @description A date field and a unit: `startedAt:day`; units are hour, day, week (from Monday), month and year. */
                bucket?: components["parameters"]["bucket"];
                /** @description The IANA time zone buckets are cut in: `Europe/Warsaw`; UTC by default. */
                tz?: components["parameters"]["tz"];
                /** @description Comma-separated metrics: count; sum, avg, min, max, pNN (p50, p90), rate (the share of true) and distinct of a field: `count,avg:score,rate:passed`. count by default. */
                metrics?: components["parameters"]["metrics"];
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rows as CSV: a column per group field, the bucket, then a column per metric. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    analyzePageItems: {
        parameters: {
            query?: {
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description The array field of item results (item, score, max, choices, key, options): items by default. */
                items?: components["parameters"]["items"];
                /** @description The boolean field of a pass: passed by default. */
                passed?: components["parameters"]["passed"];
                /** @description How many responses an item needs before it is flagged: 20 by default. */
                minSeen?: components["parameters"]["minSeen"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The item analysis. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ItemAnalysis"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getPage: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level fields to return; id and meta fields always come back. */
                fields?: components["parameters"]["fields"];
                /** @description Comma-separated references (x-ref) to resolve into the documents they name, through dots for deeper levels: `level,exams.questions`; `*` for every reference one level deep. A document the caller may not see stays an id. */
                expand?: components["parameters"]["expand"];
                /** @description How many references deep expand paths may go: 3 by default, at most 10. */
                expandDepth?: components["parameters"]["expandDepth"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: {
                /** @description On a read, an ETag: 304 when it is still current. On a PUT, * creates only. */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document; with fields=, only the fields asked for. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page"] | components["schemas"]["PagePartial"];
                };
            };
            /** @description Not modified: the ETag given in If-None-Match is still current. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listPageReferrers: {
        parameters: {
            query?: {
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of referrers. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferrerPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listPageRevisions: {
        parameters: {
            query?: {
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of revisions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PagePage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getPageRevision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
                /** @description The revision number, from 1. */
                rev: components["parameters"]["rev"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revision. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listPaths: {
        parameters: {
            query?: {
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description Comma-separated fields to sort by, each with - for descending; meta fields such as _createdAt too: `-passingScore,title`. Id order when absent. */
                sort?: components["parameters"]["sort"];
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
                /** @description Comma-separated top-level fields to return; id and meta fields always come back. */
                fields?: components["parameters"]["fields"];
                /** @description true adds explain to the page: which index served the filter and how many documents were examined and matched. */
                explain?: components["parameters"]["explain"];
                /** @description Comma-separated references (x-ref) to resolve into the documents they name, through dots for deeper levels: `level,exams.questions`; `*` for every reference one level deep. A document the caller may not see stays an id. */
                expand?: components["parameters"]["expand"];
                /** @description How many references deep expand paths may go: 3 by default, at most 10. */
                expandDepth?: components["parameters"]["expandDepth"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of documents. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PathPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    aggregatePaths: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level or meta fields whose values make the groups: `path,level`. */
                groupBy?: components["parameters"]["groupBy"];
                /** @description A date field and a unit: `startedAt:day`; units are hour, day, week (from Monday), month and year. */
                bucket?: components["parameters"]["bucket"];
                /** @description The IANA time zone buckets are cut in: `Europe/Warsaw`; UTC by default. */
                tz?: components["parameters"]["tz"];
                /** @description Comma-separated metrics: count; sum, avg, min, max, pNN (p50, p90), rate (the share of true) and distinct of a field: `count,avg:score,rate:passed`. count by default. */
                metrics?: components["parameters"]["metrics"];
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description true adds explain to the page: which index served the filter and how many documents were examined and matched. */
                explain?: components["parameters"]["explain"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The groups and their metrics. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Aggregate"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    aggregatePathsCSV: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level or meta fields whose values make the groups: `path,level`. */
                groupBy?: components["parameters"]["groupBy"];
                /** @description A date field and a unit: `startedAt:day`; units are hour, day, week (from Monday), month and year. */
                bucket?: components["parameters"]["bucket"];
                /** @description The IANA time zone buckets are cut in: `Europe/Warsaw`; UTC by default. */
                tz?: components["parameters"]["tz"];
                /** @description Comma-separated metrics: count; sum, avg, min, max, pNN (p50, p90), rate (the share of true) and distinct of a field: `count,avg:score,rate:passed`. count by default. */
                metrics?: components["parameters"]["metrics"];
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rows as CSV: a column per group field, the bucket, then a column per metric. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    analyzePathItems: {
        parameters: {
            query?: {
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description The array field of item results (item, score, max, choices, key, options): items by default. */
                items?: components["parameters"]["items"];
                /** @description The boolean field of a pass: passed by default. */
                passed?: components["parameters"]["passed"];
                /** @description How many responses an item needs before it is flagged: 20 by default. */
                minSeen?: components["parameters"]["minSeen"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The item analysis. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ItemAnalysis"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getPath: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level fields to return; id and meta fields always come back. */
                fields?: components["parameters"]["fields"];
                /** @description Comma-separated references (x-ref) to resolve into the documents they name, through dots for deeper levels: `level,exams.questions`; `*` for every reference one level deep. A document the caller may not see stays an id. */
                expand?: components["parameters"]["expand"];
                /** @description How many references deep expand paths may go: 3 by default, at most 10. */
                expandDepth?: components["parameters"]["expandDepth"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: {
                /** @description On a read, an ETag: 304 when it is still current. On a PUT, * creates only. */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document; with fields=, only the fields asked for. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Path"] | components["schemas"]["PathPartial"];
                };
            };
            /** @description Not modified: the ETag given in If-None-Match is still current. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listPathReferrers: {
        parameters: {
            query?: {
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of referrers. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferrerPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listPathRevisions: {
        parameters: {
            query?: {
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of revisions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PathPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getPathRevision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
                /** @description The revision number, from 1. */
                rev: components["parameters"]["rev"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revision. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Path"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listPrograms: {
        parameters: {
            query?: {
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description Comma-separated fields to sort by, each with - for descending; meta fields such as _createdAt too: `-passingScore,title`. Id order when absent. */
                sort?: components["parameters"]["sort"];
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
                /** @description Comma-separated top-level fields to return; id and meta fields always come back. */
                fields?: components["parameters"]["fields"];
                /** @description true adds explain to the page: which index served the filter and how many documents were examined and matched. */
                explain?: components["parameters"]["explain"];
                /** @description Comma-separated references (x-ref) to resolve into the documents they name, through dots for deeper levels: `level,exams.questions`; `*` for every reference one level deep. A document the caller may not see stays an id. */
                expand?: components["parameters"]["expand"];
                /** @description How many references deep expand paths may go: 3 by default, at most 10. */
                expandDepth?: components["parameters"]["expandDepth"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of documents. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgramPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    aggregatePrograms: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level or meta fields whose values make the groups: `path,level`. */
                groupBy?: components["parameters"]["groupBy"];
                /** @description A date field and a unit: `startedAt:day`; units are hour, day, week (from Monday), month and year. */
                bucket?: components["parameters"]["bucket"];
                /** @description The IANA time zone buckets are cut in: `Europe/Warsaw`; UTC by default. */
                tz?: components["parameters"]["tz"];
                /** @description Comma-separated metrics: count; sum, avg, min, max, pNN (p50, p90), rate (the share of true) and distinct of a field: `count,avg:score,rate:passed`. count by default. */
                metrics?: components["parameters"]["metrics"];
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description true adds explain to the page: which index served the filter and how many documents were examined and matched. */
                explain?: components["parameters"]["explain"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The groups and their metrics. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Aggregate"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    aggregateProgramsCSV: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level or meta fields whose values make the groups: `path,level`. */
                groupBy?: components["parameters"]["groupBy"];
                /** @description A date field and a unit: `startedAt:day`; units are hour, day, week (from Monday), month and year. */
                bucket?: components["parameters"]["bucket"];
                /** @description The IANA time zone buckets are cut in: `Europe/Warsaw`; UTC by default. */
                tz?: components["parameters"]["tz"];
                /** @description Comma-separated metrics: count; sum, avg, min, max, pNN (p50, p90), rate (the share of true) and distinct of a field: `count,avg:score,rate:passed`. count by default. */
                metrics?: components["parameters"]["metrics"];
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rows as CSV: a column per group field, the bucket, then a column per metric. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    analyzeProgramItems: {
        parameters: {
            query?: {
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description The array field of item results (item, score, max, choices, key, options): items by default. */
                items?: components["parameters"]["items"];
                /** @description The boolean field of a pass: passed by default. */
                passed?: components["parameters"]["passed"];
                /** @description How many responses an item needs before it is flagged: 20 by default. */
                minSeen?: components["parameters"]["minSeen"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The item analysis. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ItemAnalysis"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getProgram: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level fields to return; id and meta fields always come back. */
                fields?: components["parameters"]["fields"];
                /** @description Comma-separated references (x-ref) to resolve into the documents they name, through dots for deeper levels: `level,exams.questions`; `*` for every reference one level deep. A document the caller may not see stays an id. */
                expand?: components["parameters"]["expand"];
                /** @description How many references deep expand paths may go: 3 by default, at most 10. */
                expandDepth?: components["parameters"]["expandDepth"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: {
                /** @description On a read, an ETag: 304 when it is still current. On a PUT, * creates only. */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document; with fields=, only the fields asked for. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Program"] | components["schemas"]["ProgramPartial"];
                };
            };
            /** @description Not modified: the ETag given in If-None-Match is still current. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listProgramReferrers: {
        parameters: {
            query?: {
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of referrers. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferrerPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listProgramRevisions: {
        parameters: {
            query?: {
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of revisions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgramPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getProgramRevision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
                /** @description The revision number, from 1. */
                rev: components["parameters"]["rev"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revision. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Program"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getQuestion: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level fields to return; id and meta fields always come back. */
                fields?: components["parameters"]["fields"];
                /** @description Comma-separated references (x-ref) to resolve into the documents they name, through dots for deeper levels: `level,exams.questions`; `*` for every reference one level deep. A document the caller may not see stays an id. */
                expand?: components["parameters"]["expand"];
                /** @description How many references deep expand paths may go: 3 by default, at most 10. */
                expandDepth?: components["parameters"]["expandDepth"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: {
                /** @description On a read, an ETag: 304 when it is still current. On a PUT, * creates only. */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document; with fields=, only the fields asked for. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Question"] | components["schemas"]["QuestionPartial"];
                };
            };
            /** @description Not modified: the ETag given in If-None-Match is still current. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    downloadQuestionPicture: {
        parameters: {
            query?: never;
            header?: {
                /** @description On a read, an ETag: 304 when it is still current. On a PUT, * creates only. */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file's bytes, with its media type. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    signedQuestionPictureURL: {
        parameters: {
            query?: {
                /** @description How long the address works: a duration up to 1h, 5m by default. */
                ttl?: string;
            };
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The signed address. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        expiresAt: string;
                        /** @description The file's address, /files/{sha256}?exp=&sig=: it works without a key until expiresAt. */
                        url: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listQuestionReferrers: {
        parameters: {
            query?: {
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of referrers. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferrerPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listQuestionRevisions: {
        parameters: {
            query?: {
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of revisions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuestionPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getQuestionRevision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
                /** @description The revision number, from 1. */
                rev: components["parameters"]["rev"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revision. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Question"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listSections: {
        parameters: {
            query?: {
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description Comma-separated fields to sort by, each with - for descending; meta fields such as _createdAt too: `-passingScore,title`. Id order when absent. */
                sort?: components["parameters"]["sort"];
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
                /** @description Comma-separated top-level fields to return; id and meta fields always come back. */
                fields?: components["parameters"]["fields"];
                /** @description true adds explain to the page: which index served the filter and how many documents were examined and matched. */
                explain?: components["parameters"]["explain"];
                /** @description Comma-separated references (x-ref) to resolve into the documents they name, through dots for deeper levels: `level,exams.questions`; `*` for every reference one level deep. A document the caller may not see stays an id. */
                expand?: components["parameters"]["expand"];
                /** @description How many references deep expand paths may go: 3 by default, at most 10. */
                expandDepth?: components["parameters"]["expandDepth"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of documents. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SectionPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    aggregateSections: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level or meta fields whose values make the groups: `path,level`. */
                groupBy?: components["parameters"]["groupBy"];
                /** @description A date field and a unit: `startedAt:day`; units are hour, day, week (from Monday), month and year. */
                bucket?: components["parameters"]["bucket"];
                /** @description The IANA time zone buckets are cut in: `Europe/Warsaw`; UTC by default. */
                tz?: components["parameters"]["tz"];
                /** @description Comma-separated metrics: count; sum, avg, min, max, pNN (p50, p90), rate (the share of true) and distinct of a field: `count,avg:score,rate:passed`. count by default. */
                metrics?: components["parameters"]["metrics"];
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description true adds explain to the page: which index served the filter and how many documents were examined and matched. */
                explain?: components["parameters"]["explain"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The groups and their metrics. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Aggregate"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    aggregateSectionsCSV: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level or meta fields whose values make the groups: `path,level`. */
                groupBy?: components["parameters"]["groupBy"];
                /** @description A date field and a unit: `startedAt:day`; units are hour, day, week (from Monday), month and year. */
                bucket?: components["parameters"]["bucket"];
                /** @description The IANA time zone buckets are cut in: `Europe/Warsaw`; UTC by default. */
                tz?: components["parameters"]["tz"];
                /** @description Comma-separated metrics: count; sum, avg, min, max, pNN (p50, p90), rate (the share of true) and distinct of a field: `count,avg:score,rate:passed`. count by default. */
                metrics?: components["parameters"]["metrics"];
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rows as CSV: a column per group field, the bucket, then a column per metric. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    analyzeSectionItems: {
        parameters: {
            query?: {
                /** @description A formula that must hold for each listed document, with the top-level fields in scope by name: `level == "master" && passingScore >= 80`. An equality or range on an x-index field is served from the index. */
                filter?: components["parameters"]["filter"];
                /** @description The array field of item results (item, score, max, choices, key, options): items by default. */
                items?: components["parameters"]["items"];
                /** @description The boolean field of a pass: passed by default. */
                passed?: components["parameters"]["passed"];
                /** @description How many responses an item needs before it is flagged: 20 by default. */
                minSeen?: components["parameters"]["minSeen"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The item analysis. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ItemAnalysis"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getSection: {
        parameters: {
            query?: {
                /** @description Comma-separated top-level fields to return; id and meta fields always come back. */
                fields?: components["parameters"]["fields"];
                /** @description Comma-separated references (x-ref) to resolve into the documents they name, through dots for deeper levels: `level,exams.questions`; `*` for every reference one level deep. A document the caller may not see stays an id. */
                expand?: components["parameters"]["expand"];
                /** @description How many references deep expand paths may go: 3 by default, at most 10. */
                expandDepth?: components["parameters"]["expandDepth"];
                /** @description true reads drafts too, in collections with x-publish (editors and admins). */
                preview?: components["parameters"]["preview"];
            };
            header?: {
                /** @description On a read, an ETag: 304 when it is still current. On a PUT, * creates only. */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document; with fields=, only the fields asked for. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Section"] | components["schemas"]["SectionPartial"];
                };
            };
            /** @description Not modified: the ETag given in If-None-Match is still current. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listSectionReferrers: {
        parameters: {
            query?: {
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of referrers. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferrerPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listSectionRevisions: {
        parameters: {
            query?: {
                /** @description The largest number of documents in the page. */
                limit?: components["parameters"]["limit"];
                /** @description The nextCursor of the previous page, as given: an opaque keyset position. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of revisions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SectionPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getSectionRevision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The document's id. */
                id: components["parameters"]["id"];
                /** @description The revision number, from 1. */
                rev: components["parameters"]["rev"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revision. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Section"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    sendSignInCode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AuthEmail"];
            };
        };
        responses: {
            /** @description Send a one-time sign-in code */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthAccepted"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["RequestEntityTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Who the access token acts for */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthMe"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    refreshSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AuthRefresh"];
            };
        };
        responses: {
            /** @description Renew a session */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthTokens"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["RequestEntityTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    sendPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AuthEmail"];
            };
        };
        responses: {
            /** @description Send a password reset */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthAccepted"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["RequestEntityTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    resetPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AuthReset"];
            };
        };
        responses: {
            /** @description Choose a new password */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthTokens"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["RequestEntityTooLarge"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listSessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's live sessions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthSessions"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    signIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AuthCredentials"];
            };
        };
        responses: {
            /** @description Sign in with a password */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthTokens"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["RequestEntityTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    signInWithCode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AuthCode"];
            };
        };
        responses: {
            /** @description Sign in with a one-time code */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthTokens"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["RequestEntityTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    signOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AuthRefresh"];
            };
        };
        responses: {
            /** @description Done. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["RequestEntityTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    signUp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AuthCredentials"];
            };
        };
        responses: {
            /** @description Sign up */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthAccepted"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["RequestEntityTooLarge"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    verifyEmail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AuthCode"];
            };
        };
        responses: {
            /** @description Verify the address */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthTokens"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["RequestEntityTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getSignedFile: {
        parameters: {
            query: {
                /** @description The expiry, in Unix seconds. */
                exp: string;
                /** @description The signature. */
                sig: string;
                /** @description WIDTHxHEIGHT: a thumbnail of an image. */
                thumb?: string;
            };
            header?: never;
            path: {
                /** @description The file's SHA-256. */
                sha256: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file's bytes. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The store answers. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
}
