-- The public archive shows a sent issue as a web page and as JSON for third parties, built from its
-- sections (headings, text, images with their alt text, links) rather than from the email's HTML. Only
-- sections of sent issues, and only for the public newsletter service's transactions, like the policies
-- on publications and issues in 0013_newsletters.sql.
CREATE POLICY public_archive ON newsletter_sections FOR SELECT
  USING (current_setting('app.newsletter_public', true) = 'on'
    AND EXISTS (SELECT 1 FROM newsletter_issues i WHERE i.organization_id = newsletter_sections.organization_id
      AND i.id = newsletter_sections.issue_id AND i.status = 'sent'));
