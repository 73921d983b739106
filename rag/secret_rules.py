"""Credential formats recognised by their shape alone (provider prefixes), as regular expressions.

Re-expressed from the rule list of gitleaks (config/gitleaks.toml, github.com/gitleaks/gitleaks, MIT licence:
rule ids in the comments), a maintained list of published token formats; some prefixes are widened a little
(older or shorter variants of the same token). Keyword-based and entropy-based detection is in rag/redact.py.
"""

from __future__ import annotations

import re

# (kind shown in warnings, pattern); the whole match is masked.
PROVIDER_RULES: list[tuple[str, re.Pattern]] = [
    # aws-access-token
    ("AWS access key id", re.compile(r"\b(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\b")),
    # github-pat, github-oauth, github-app-token, github-refresh-token
    ("GitHub token", re.compile(r"\bgh[pousr]_[A-Za-z0-9]{30,255}\b")),
    # github-fine-grained-pat
    ("GitHub fine-grained token", re.compile(r"\bgithub_pat_[A-Za-z0-9_]{22,255}")),
    # gitlab-pat, gitlab-ptt, gitlab-deploy-token, gitlab-rrt, gitlab-runner-authentication-token
    ("GitLab token", re.compile(r"\bgl(?:pat|ptt|dt|rt|soat|cbt|imt|ft|agent|oas)-[A-Za-z0-9_-]{20,}")),
    # slack-bot-token, slack-user-token, slack-app-token, slack-config-access-token, slack-legacy-*
    ("Slack token", re.compile(r"\bxox[abposre]-(?:\d+-)?[A-Za-z0-9-]{10,}")),
    ("Slack app token", re.compile(r"(?i)\bxapp-\d-[A-Z0-9]+-\d+-[a-z0-9]+")),
    # slack-webhook-url: the secret is the path
    ("Slack webhook", re.compile(r"(?<=hooks\.slack\.com/)(?:services|workflows|triggers)/[A-Za-z0-9+/_-]{20,}")),
    # stripe-access-token (secret and restricted keys; publishable pk_ keys are public by design)
    ("Stripe key", re.compile(r"\b(?:sk|rk)_(?:test|live|prod)_[A-Za-z0-9]{10,99}\b")),
    ("Stripe webhook secret", re.compile(r"\bwhsec_[A-Za-z0-9+/=]{20,}")),
    # anthropic-api-key, openai-api-key (project, service-account, admin and legacy keys)
    ("OpenAI-style API key", re.compile(r"\bsk-(?:ant-|proj-|svcacct-|admin-)?(?=[A-Za-z0-9_-]*\d)[A-Za-z0-9_-]{20,}")),
    # gcp-api-key
    ("Google API key", re.compile(r"\bAIza[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])")),
    ("Google OAuth client secret", re.compile(r"\bGOCSPX-[A-Za-z0-9_-]{20,}")),
    ("Google OAuth token", re.compile(r"\bya29\.[A-Za-z0-9_-]{20,}")),
    # huggingface-access-token, huggingface-organization-api-token
    ("Hugging Face token", re.compile(r"\b(?:hf_|api_org_)[A-Za-z0-9]{30,}\b")),
    # npm-access-token, pypi-upload-token
    ("npm token", re.compile(r"\bnpm_[A-Za-z0-9]{36}\b")),
    ("PyPI token", re.compile(r"\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}")),
    # sendgrid-api-token, twilio-api-key, mailgun-private-api-token
    ("SendGrid key", re.compile(r"\bSG\.[A-Za-z0-9_-]{16,32}\.[A-Za-z0-9_-]{16,64}")),
    ("Twilio key", re.compile(r"\bSK[0-9a-fA-F]{32}\b")),
    ("Mailgun key", re.compile(r"\bkey-[0-9a-f]{32}\b")),
    # digitalocean-pat / -access-token / -refresh-token, shopify-*
    ("DigitalOcean token", re.compile(r"\bdo[opr]_v1_[a-f0-9]{64}\b")),
    ("Shopify token", re.compile(r"\bshp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}\b")),
    # telegram-bot-api-token, age-secret-key, databricks-api-token
    ("Telegram bot token", re.compile(r"\b\d{8,10}:AA[A-Za-z0-9_-]{33}\b")),
    ("age secret key", re.compile(r"\bAGE-SECRET-KEY-1[0-9A-Z]{58}\b")),
    ("Databricks token", re.compile(r"\bdapi[a-f0-9]{32}(?:-\d)?\b")),
    # jwt
    ("JSON web token", re.compile(r"\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}")),
    # aws secret access key: a 40-character base64 run that mixes cases and digits
    ("AWS secret key", re.compile(
        r"(?<![A-Za-z0-9/+=])(?=[A-Za-z0-9/+=]*[a-z])(?=[A-Za-z0-9/+=]*[A-Z])(?=[A-Za-z0-9/+=]*[0-9])"
        r"[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])")),
]
