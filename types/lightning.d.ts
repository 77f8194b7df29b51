// Salesforce's published types for lightning/* base components and @salesforce/user, client, site.
import '@salesforce/lightning-types';
